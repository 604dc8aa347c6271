using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IotActors.Remote.Serialization;

/// <summary>System.Text.Json serializer bound to source-generated metadata for one type.</summary>
public sealed class JsonMessageSerializer<T>(JsonTypeInfo<T> typeInfo) : ISerializer
{
    /// <inheritdoc />
    public byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes((T)message, typeInfo);

    /// <inheritdoc />
    public object Deserialize(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize(payload, typeInfo) ?? throw new JsonException("payload deserialized to null");
}
