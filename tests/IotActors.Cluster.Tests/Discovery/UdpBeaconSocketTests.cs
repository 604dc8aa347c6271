using System.Net;
using IotActors.Cluster.Discovery;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Tests.Discovery;

public sealed class UdpBeaconSocketTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Loopback, 9999);

    [Fact]
    public async Task Two_sockets_sharing_a_port_both_receive_a_loopback_broadcast_beacon()
    {
        var ring = new Keyring(BeaconKey.FromSecret(BeaconCodecTests.SecretA));
        using var first = new UdpBeaconSocket(Options(0, []), TimeProvider.System);
        var port = first.LocalEndPoint.Port;
        using var second = new UdpBeaconSocket(Options(port, []), TimeProvider.System);
        using var sender = new UdpBeaconSocket(
            Options(0, [new IPEndPoint(IPAddress.Parse("127.255.255.255"), port)], IPAddress.Loopback), TimeProvider.System);

        var datagram = BeaconCodec.Seal(BeaconCodecTests.Beacon(1), ring);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var receiveFirst = first.ReceiveAsync(deadline.Token);
        var receiveSecond = second.ReceiveAsync(deadline.Token);
        await sender.SendAsync(datagram, deadline.Token);

        var got = await Task.WhenAll(receiveFirst, receiveSecond);
        foreach (var d in got)
        {
            BeaconCodec.Open(d.Payload, ring, "home", null).Beacon.Should().Be(BeaconCodecTests.Beacon(1));
            IPAddress.IsLoopback(d.Source.Address).Should().BeTrue();
        }

        sender.SentCount.Should().Be(1);
        first.ReceivedCount.Should().Be(1);
        second.ReceivedCount.Should().Be(1);
    }

    [Fact]
    public async Task Unicast_beacon_to_loopback_is_received()
    {
        using var receiver = new UdpBeaconSocket(Options(0, [], IPAddress.Loopback), TimeProvider.System);
        using var sender = new UdpBeaconSocket(Options(0, [new IPEndPoint(IPAddress.Loopback, receiver.LocalEndPoint.Port)], IPAddress.Loopback), TimeProvider.System);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var receive = receiver.ReceiveAsync(deadline.Token);
        await sender.SendAsync(new byte[] { 1, 2, 3 }, deadline.Token);
        (await receive).Payload.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Ignored_beacons_are_counted_always_but_logged_at_most_once_a_minute_per_source()
    {
        var clock = new ManualTimeProvider();
        var logger = new ListLogger();
        using var socket = new UdpBeaconSocket(Options(0, [], IPAddress.Loopback), clock, logger);

        socket.ReportIgnored(Source, BeaconRejectReason.AuthenticationFailed).Should().BeTrue();
        socket.ReportIgnored(Source, BeaconRejectReason.Replay).Should().BeFalse();
        socket.ReportIgnored(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 1), BeaconRejectReason.WrongCluster).Should().BeTrue();
        clock.Advance(TimeSpan.FromSeconds(59));
        socket.ReportIgnored(Source, BeaconRejectReason.Replay).Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        socket.ReportIgnored(Source, BeaconRejectReason.Replay).Should().BeTrue();

        socket.IgnoredCount.Should().Be(5);
        logger.Lines.Should().HaveCount(3);
        logger.Lines[0].Should().Contain("AuthenticationFailed").And.Contain("127.0.0.1");
    }

    private static UdpBeaconSocketOptions Options(int port, IPEndPoint[] targets, IPAddress? bind = null) =>
        new(bind ?? IPAddress.Parse("127.255.255.255"), port, [.. targets]);

    private sealed class ListLogger : ILogger<UdpBeaconSocket>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 4101)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
