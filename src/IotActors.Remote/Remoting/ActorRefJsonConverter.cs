using System.Text.Json;
using System.Text.Json.Serialization;
using IotActors.Actors;

namespace IotActors.Remote;

/// <summary>Writes an <see cref="IActorRef"/> as its full path with address and uid, and resolves it through the receiving system on arrival.</summary>
/// <remarks>Refs are resolved by the <see cref="Remoting"/> instance that is (de)serializing on the current thread; outside remoting, reading a ref fails.</remarks>
public sealed class ActorRefJsonConverter : JsonConverter<IActorRef>
{
    [ThreadStatic]
    private static Remoting? _current;

    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("An actor ref must be written as a path string.");
        var path = reader.GetString()!;
        var remoting = _current ?? throw new JsonException("Actor refs can only be deserialized by remoting (Remoting.Deserialize).");
        return remoting.ResolveWireRef(path);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(_current is { } remoting ? remoting.WireFormOf(value) : value.Path.ToSerializationFormat());

    /// <summary>Sets the remoting used by converters on this thread for the duration of a (de)serialization.</summary>
    internal static Scope Enter(Remoting remoting)
    {
        var previous = _current;
        _current = remoting;
        return new Scope(previous);
    }

    internal readonly struct Scope(Remoting? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}
