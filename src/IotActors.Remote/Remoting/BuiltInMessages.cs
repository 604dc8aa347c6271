using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IotActors.Actors;
using IotActors.Remote.Serialization;

namespace IotActors.Remote;

/// <summary>Manifests remoting registers itself: death-watch system messages and the kernel messages that cross nodes.</summary>
internal static class BuiltInMessages
{
    public const string Watch = "iot.sys.Watch";
    public const string Unwatch = "iot.sys.Unwatch";
    public const string DeathWatch = "iot.sys.DeathWatch";

    /// <summary>Adds the built-in manifests to <paramref name="registry"/> (skipping those already there).</summary>
    public static void RegisterInto(MessageRegistry registry, Remoting remoting)
    {
        var json = WireJsonContext.Default;
        Add(registry, Watch, json.WireWatch);
        Add(registry, Unwatch, json.WireUnwatch);
        Add(registry, DeathWatch, json.WireDeathWatch);
        Add(registry, "iot.PoisonPill", typeof(PoisonPill), new SingletonSerializer(PoisonPill.Instance));
        Add(registry, "iot.Kill", typeof(Kill), new SingletonSerializer(Kill.Instance));
        Add(registry, "iot.Identify", typeof(Identify), new MappedSerializer<Identify, WireIdentify>(json.WireIdentify,
            m =>
            {
                var text = ToWireId(m.MessageId, out var number);
                return new WireIdentify(text, number);
            },
            w => new Identify(FromWireId(w.Text, w.Number))));
        Add(registry, "iot.ActorIdentity", typeof(ActorIdentity), new MappedSerializer<ActorIdentity, WireActorIdentity>(json.WireActorIdentity,
            m =>
            {
                var text = ToWireId(m.MessageId, out var number);
                return new WireActorIdentity(text, number, m.Subject is null ? null : remoting.WireFormOf(m.Subject));
            },
            w => new ActorIdentity(FromWireId(w.Text, w.Number), w.Subject is null ? null : remoting.ResolveWireRef(w.Subject))));
        Add(registry, "iot.Status.Failure", typeof(Status.Failure), new MappedSerializer<Status.Failure, WireFailure>(json.WireFailure,
            m => new WireFailure(m.Cause.GetType().FullName ?? m.Cause.GetType().Name, m.Cause.Message),
            w => new Status.Failure(new RemoteFailureException(w.Type, w.Message))));
    }

    private static void Add<T>(MessageRegistry registry, string manifest, JsonTypeInfo<T> info)
    {
        if (!registry.IsRegistered(manifest)) registry.Register(manifest, info);
    }

    private static void Add(MessageRegistry registry, string manifest, Type type, ISerializer serializer)
    {
        if (!registry.IsRegistered(manifest)) registry.Register(manifest, type, serializer);
    }

    private static string? ToWireId(object? id, out long? number)
    {
        number = null;
        switch (id)
        {
            case null: return null;
            case string s: return s;
            case int or long or short or byte or uint:
                number = Convert.ToInt64(id, CultureInfo.InvariantCulture);
                return null;
            default: return Convert.ToString(id, CultureInfo.InvariantCulture);
        }
    }

    private static object? FromWireId(string? text, long? number) => text ?? (object?)number;

    private sealed class SingletonSerializer(object instance) : ISerializer
    {
        public byte[] Serialize(object message) => [];

        public object Deserialize(ReadOnlySpan<byte> payload) =>
            payload.IsEmpty ? instance : throw new FormatException("this message carries no payload");
    }

    private sealed class MappedSerializer<TMessage, TWire>(JsonTypeInfo<TWire> info, Func<TMessage, TWire> toWire, Func<TWire, TMessage> fromWire)
        : ISerializer where TMessage : notnull
    {
        public byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes(toWire((TMessage)message), info);

        public object Deserialize(ReadOnlySpan<byte> payload) =>
            fromWire(JsonSerializer.Deserialize(payload, info) ?? throw new JsonException("payload deserialized to null"));
    }
}
