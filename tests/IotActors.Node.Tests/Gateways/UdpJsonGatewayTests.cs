using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using IotActors.Node.Gateways;
using static IotActors.TestKit.TestKit;

namespace IotActors.Node.Tests.Gateways;

public sealed class UdpJsonGatewayTests : IAsyncLifetime
{
    private GatewayHarness _harness = new();
    private readonly UdpClient _client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _harness.DisposeAsync();
    }

    private async Task<UdpJsonGateway> Start(bool allowUnsigned = false, double burst = 1000)
    {
        _harness = new GatewayHarness(allowUnsignedUdp: allowUnsigned, burst: burst);
        UdpJsonGateway gateway = await _harness.StartUdpAsync();
        _client.Connect(gateway.LocalEndPoint);
        return gateway;
    }

    private Task Send(string text) => _client.SendAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    private string Signed(string payload, string nonce, long? ts = null) =>
        SignedEnvelope.Create(GatewayHarness.Key, payload, ts ?? _harness.UnixNow, nonce);

    [Fact]
    public async Task Hello_registers_a_remote_peer_with_discovery_time()
    {
        var gateway = await Start(allowUnsigned: true);
        await Send("""{"type":"hello","device":"sensor1"}""");
        AwaitCondition(() => gateway.Metrics.Hellos == 1);
        RemotePeer peer = _harness.Registry.Find("sensor1")!;
        peer.Announced.Should().BeTrue();
        peer.DiscoveredAt.Should().Be(_harness.Time.GetUtcNow());
        peer.Source.Should().StartWith("udp:127.0.0.1:");
        _harness.Registry.IsAlive("sensor1").Should().BeTrue();
        _harness.Time.Advance(TimeSpan.FromMinutes(3));
        _harness.Registry.IsAlive("sensor1").Should().BeFalse("it has not been heard for longer than the liveness timeout");
        _harness.Readings.Should().BeEmpty();
    }

    [Fact]
    public async Task Unsigned_reading_is_accepted_when_unsigned_is_allowed()
    {
        var gateway = await Start(allowUnsigned: true);
        await Send("""{"type":"temperature","device":"sensor1","value":24.8,"unit":"C"}""");
        AwaitCondition(() => gateway.Metrics.Readings == 1);
        PeerReading reading = _harness.Readings.Single();
        reading.Should().BeEquivalentTo(new { DeviceId = "sensor1", Metric = "temperature", Value = 24.8, Unit = "C" });
        reading.SourceTime.Should().Be(_harness.Time.GetUtcNow());
        _harness.Registry.Find("sensor1")!.Announced.Should().BeFalse();
    }

    [Fact]
    public async Task Unsigned_reading_is_rejected_when_unsigned_is_not_allowed()
    {
        var gateway = await Start(allowUnsigned: false);
        await Send("""{"type":"temperature","device":"sensor1","value":24.8}""");
        AwaitCondition(() => gateway.Metrics.Rejected(RejectReason.Unsigned) == 1);
        _harness.Readings.Should().BeEmpty();
        _harness.Registry.Count.Should().Be(0);
    }

    [Fact]
    public async Task Signed_reading_is_accepted_with_its_source_timestamp()
    {
        var gateway = await Start(allowUnsigned: false);
        await Send(Signed("""{"type":"humidity","device":"esp32-1","value":41.5,"unit":"%","timestamp":1772366400}""", "nonce-0001"));
        AwaitCondition(() => gateway.Metrics.Readings == 1);
        PeerReading reading = _harness.Readings.Single();
        reading.Metric.Should().Be("humidity");
        reading.SourceTime.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1772366400));
    }

    [Fact]
    public async Task Replayed_signed_datagram_is_rejected()
    {
        var gateway = await Start();
        string datagram = Signed("""{"type":"temperature","device":"s1","value":20}""", "nonce-replay");
        await Send(datagram);
        AwaitCondition(() => gateway.Metrics.Readings == 1);
        await Send(datagram);
        AwaitCondition(() => gateway.Metrics.Rejected(RejectReason.Replayed) == 1);
        _harness.Readings.Should().HaveCount(1);
    }

    [Fact]
    public async Task Tampered_signed_datagram_is_rejected()
    {
        var gateway = await Start();
        JsonNode envelope = JsonNode.Parse(Signed("""{"type":"temperature","device":"s1","value":20}""", "nonce-tamper"))!;
        envelope["payload"] = """{"type":"temperature","device":"s1","value":99}""";
        await Send(envelope.ToJsonString());
        AwaitCondition(() => gateway.Metrics.Rejected(RejectReason.BadSignature) == 1);
        _harness.Readings.Should().BeEmpty();
    }

    [Fact]
    public async Task Signed_datagram_outside_the_timestamp_window_is_rejected()
    {
        var gateway = await Start();
        await Send(Signed("""{"type":"temperature","device":"s1","value":20}""", "nonce-stale", _harness.UnixNow - 3600));
        AwaitCondition(() => gateway.Metrics.Rejected(RejectReason.StaleTimestamp) == 1);
        _harness.Readings.Should().BeEmpty();
    }

    [Fact]
    public async Task Peer_without_clock_uses_a_counter_and_an_old_counter_is_rejected()
    {
        var gateway = await Start();
        const string payload = """{"type":"temperature","device":"pico","value":19.5}""";
        await Send(SignedEnvelope.Create(GatewayHarness.Key, payload, ts: null, nonce: null, ctr: 7));
        AwaitCondition(() => gateway.Metrics.Readings == 1);
        await Send(SignedEnvelope.Create(GatewayHarness.Key, payload, ts: null, nonce: null, ctr: 7));
        await Send(SignedEnvelope.Create(GatewayHarness.Key, payload, ts: null, nonce: null, ctr: 3));
        AwaitCondition(() => gateway.Metrics.Rejected(RejectReason.Replayed) == 2);
        await Send(SignedEnvelope.Create(GatewayHarness.Key, payload, ts: null, nonce: null, ctr: 8));
        AwaitCondition(() => gateway.Metrics.Readings == 2);
    }

    [Fact]
    public async Task Bad_input_is_counted_without_crashing_and_a_valid_datagram_still_works()
    {
        var gateway = await Start(allowUnsigned: true);
        await Send("{not json");
        await Send("[1,2,3]");
        await Send("""{"type":"temperature","device":"s1","value":"hot"}""");
        await Send("""{"type":"temperature","device":42,"value":1}""");
        await Send("""{"type":"temperature","value":1}""");
        await Send("""{"payload":5,"sig":"x"}""");
        await _client.SendAsync(new byte[4000]);
        await Send("""{"type":"temperature","device":"s1","value":21.0}""");
        AwaitCondition(() => gateway.Metrics.Received == 8);
        gateway.Metrics.Rejected(RejectReason.Malformed).Should().Be(2);
        gateway.Metrics.Rejected(RejectReason.WrongType).Should().Be(3);
        gateway.Metrics.Rejected(RejectReason.MissingField).Should().Be(1);
        gateway.Metrics.Rejected(RejectReason.TooLarge).Should().Be(1);
        gateway.Metrics.Readings.Should().Be(1);
        _harness.Readings.Single().Value.Should().Be(21.0);
        gateway.Metrics.Snapshot().Should().ContainKey("gateway_udp_rejected_too_large").WhoseValue.Should().Be(1);
    }

    [Fact]
    public async Task Flood_beyond_the_rate_limit_is_counted_and_the_source_recovers_after_refill()
    {
        var gateway = await Start(allowUnsigned: true, burst: 5);
        for (int i = 0; i < 30; i++) await Send($$"""{"type":"temperature","device":"s1","value":{{i}}}""");
        AwaitCondition(() => gateway.Metrics.Received == 30);
        gateway.Metrics.Readings.Should().Be(5);
        gateway.Metrics.Rejected(RejectReason.RateLimited).Should().Be(25);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Send("""{"type":"temperature","device":"s1","value":99}""");
        AwaitCondition(() => gateway.Metrics.Readings == 6);
        _harness.Readings.Last().Value.Should().Be(99);
    }
}
