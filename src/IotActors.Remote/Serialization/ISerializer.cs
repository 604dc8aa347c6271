namespace IotActors.Remote.Serialization;

/// <summary>Turns one registered message type into bytes and back.</summary>
public interface ISerializer
{
    /// <summary>Serializes a message of the registered type.</summary>
    byte[] Serialize(object message);

    /// <summary>Deserializes a payload; throws when the bytes are not a valid message.</summary>
    object Deserialize(ReadOnlySpan<byte> payload);
}
