using IotActors.Remote.Serialization;

namespace IotActors.Bench.Remote;

/// <summary>The remote-pingpong message: a sequence number, sent with a compact 8-byte binary serializer.</summary>
internal sealed record BenchPing(long Seq);

/// <summary>Registry of the remote benches.</summary>
internal static class BenchWire
{
    public static MessageRegistry Registry() => new MessageRegistry().Register("bench.Ping", typeof(BenchPing), new PingSerializer());

    private sealed class PingSerializer : ISerializer
    {
        public byte[] Serialize(object message) => BitConverter.GetBytes(((BenchPing)message).Seq);

        public object Deserialize(ReadOnlySpan<byte> payload) =>
            payload.Length == 8 ? new BenchPing(BitConverter.ToInt64(payload)) : throw new FormatException("expected 8 bytes");
    }
}
