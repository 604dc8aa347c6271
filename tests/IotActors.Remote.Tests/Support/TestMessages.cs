using System.Text.Json.Serialization;
using IotActors.Remote.Serialization;

namespace IotActors.Remote.Tests.Support;

public sealed record Ping(long Seq, string From);

public sealed record SetActive(string DeviceId, bool Active);

[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(SetActive))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

public static class TestMessages
{
    public static MessageRegistry Registry() => new MessageRegistry()
        .Register("test.Ping", TestJsonContext.Default.Ping)
        .Register("test.SetActive", TestJsonContext.Default.SetActive)
        .Register("test.Long", typeof(long), new LongSerializer());

    /// <summary>A tiny binary serializer proving <see cref="ISerializer"/> is pluggable.</summary>
    private sealed class LongSerializer : ISerializer
    {
        public byte[] Serialize(object message) => BitConverter.GetBytes((long)message);

        public object Deserialize(ReadOnlySpan<byte> payload) =>
            payload.Length == 8 ? BitConverter.ToInt64(payload) : throw new FormatException("expected 8 bytes");
    }
}
