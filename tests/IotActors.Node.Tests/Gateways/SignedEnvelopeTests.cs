using System.Text;
using IotActors.Node.Gateways;
using IotActors.Remote.Security;
using IotActors.TestKit;

namespace IotActors.Node.Tests.Gateways;

public sealed class SignedEnvelopeTests
{
    // Produced by the Python example in src/IotActors.Node/Gateways/README.md with the secret below.
    private const string SecretBase64 = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    private const string PythonDatagram =
        """{"payload": "{\"type\":\"temperature\",\"device\":\"sensor1\",\"value\":24.8,\"unit\":\"C\"}", "sig": "gS7HasnG4Lyxhx/NhpPNBpC2PdYoMtEAmNmvGI5qjuQ=", "ts": 1772366400, "nonce": "00112233445566778899aabb"}""";

    private static PeerMessageDecoder Decoder(ManualTimeProvider time) => new(
        GatewaySigningKey.Derive(ClusterSecret.Parse(SecretBase64, "test")),
        new ReplayGuard(time, TimeSpan.FromMinutes(5), 1000), time, allowUnsigned: false);

    [Fact]
    public void Datagram_signed_by_the_documented_python_peer_is_accepted()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1772366400 + 30));
        DecodedMessage message = Decoder(time).Decode(Encoding.UTF8.GetBytes(PythonDatagram), "udp:127.0.0.1:9");
        message.Rejection.Should().BeNull(message.Detail);
        message.Reading!.Should().BeEquivalentTo(new { DeviceId = "sensor1", Metric = "temperature", Value = 24.8, Unit = "C" });
    }

    [Fact]
    public void Datagram_signed_with_another_secret_is_rejected()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1772366400));
        var other = new PeerMessageDecoder(GatewaySigningKey.Derive(ClusterSecret.Generate()), new ReplayGuard(time, TimeSpan.FromMinutes(5), 1000), time, false);
        other.Decode(Encoding.UTF8.GetBytes(PythonDatagram), "udp:127.0.0.1:9").Rejection.Should().Be(RejectReason.BadSignature);
    }

    [Fact]
    public void Replay_cache_expires_nonces_only_after_their_timestamps_are_stale()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1772366400));
        PeerMessageDecoder decoder = Decoder(time);
        byte[] datagram = Encoding.UTF8.GetBytes(PythonDatagram);
        decoder.Decode(datagram, "a").Rejection.Should().BeNull();
        time.Advance(TimeSpan.FromMinutes(4));
        decoder.Decode(datagram, "a").Rejection.Should().Be(RejectReason.Replayed);
        time.Advance(TimeSpan.FromMinutes(7));
        decoder.Decode(datagram, "a").Rejection.Should().Be(RejectReason.StaleTimestamp);
    }
}
