using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Builds the UDP and TCP gateways with their pipelines; both share one replay guard, so a signed datagram cannot be replayed over the other transport.</summary>
internal sealed class GatewayFactory(GatewayOptions options, byte[]? signingKey, RemotePeerRegistry registry, IReadingSink sink, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ReplayGuard _replayGuard = new(time, options.ReplayWindow, options.ReplayCacheSize);

    public UdpJsonGateway CreateUdp() =>
        new(options.Udp, Pipeline("udp", options.Udp.AllowUnsigned), loggers.CreateLogger<UdpJsonGateway>());

    public TcpJsonLinesGateway CreateTcp() =>
        new(options.Tcp, Pipeline("tcp", options.Tcp.AllowUnsigned), time, loggers.CreateLogger<TcpJsonLinesGateway>());

    private GatewayPipeline Pipeline(string name, bool allowUnsigned) => new(
        new GatewayMetrics(name),
        new SourceRateLimiter(time, options.RateBurst, options.RatePerSecond, options.MaxSources),
        new PeerMessageDecoder(signingKey, _replayGuard, time, allowUnsigned),
        registry,
        sink,
        new RejectLogThrottle(time, options.RejectLogInterval),
        loggers.CreateLogger("IotActors.Node.Gateways." + name));
}
