using System.Collections.Concurrent;
using System.Net;
using IotActors.Node.Gateways;
using IotActors.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Node.Tests.Gateways;

/// <summary>Gateways on 127.0.0.1 port 0 with a manual clock, a recording sink and a known signing key.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public ConcurrentQueue<PeerReading> Readings { get; } = new();
    public RemotePeerRegistry Registry { get; }
    public GatewayFactory Factory { get; }
    public UdpJsonGateway? Udp { get; private set; }
    public TcpJsonLinesGateway? Tcp { get; private set; }

    public GatewayHarness(bool allowUnsignedUdp = false, double burst = 1000, TimeSpan? idleTimeout = null, int maxConnections = 16, int maxLine = 256)
    {
        Registry = new RemotePeerRegistry(Time, TimeSpan.FromMinutes(2));
        var options = new GatewayOptions
        {
            Udp = new UdpGatewayOptions { Bind = IPAddress.Loopback, Port = 0, AllowUnsigned = allowUnsignedUdp, MaxDatagramSize = 1024 },
            Tcp = new TcpGatewayOptions
            {
                Bind = IPAddress.Loopback, Port = 0, AllowUnsigned = true, MaxLineLength = maxLine,
                IdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(5), MaxConnections = maxConnections,
            },
            RateBurst = burst,
            RatePerSecond = 10,
        };
        Factory = new GatewayFactory(options, Key, Registry, new RecordingSink(Readings), Time, NullLoggerFactory.Instance);
    }

    public async Task<UdpJsonGateway> StartUdpAsync()
    {
        Udp = Factory.CreateUdp();
        await Udp.StartAsync(CancellationToken.None);
        return Udp;
    }

    public async Task<TcpJsonLinesGateway> StartTcpAsync()
    {
        Tcp = Factory.CreateTcp();
        await Tcp.StartAsync(CancellationToken.None);
        return Tcp;
    }

    public long UnixNow => Time.GetUtcNow().ToUnixTimeSeconds();

    public async ValueTask DisposeAsync()
    {
        if (Udp is not null) await Udp.DisposeAsync();
        if (Tcp is not null) await Tcp.DisposeAsync();
    }

    private sealed class RecordingSink(ConcurrentQueue<PeerReading> readings) : IReadingSink
    {
        public ValueTask AcceptAsync(PeerReading reading)
        {
            readings.Enqueue(reading);
            return ValueTask.CompletedTask;
        }
    }
}
