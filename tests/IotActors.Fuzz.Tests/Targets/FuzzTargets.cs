using IotActors.Fuzz.Engine;

namespace IotActors.Fuzz.Targets;

/// <summary>Every decoder that takes bytes or text from outside the process, by name.</summary>
public static class FuzzTargets
{
    /// <summary>The decoder names, as used by --decoder and the corpus folders.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["frame", "handshake", "hocon", "beacon", "beacon-plaintext", "gateway-udp", "gateway-tcp", "http-ingest"];

    /// <summary>A fresh target (decoders with state, like replay filters, start empty).</summary>
    public static IFuzzTarget Create(string name) => name switch
    {
        "frame" => new FrameTarget(),
        "handshake" => new HandshakeTarget(),
        "hocon" => new HoconTarget(),
        "beacon" => new BeaconTarget(sealPlaintext: false),
        "beacon-plaintext" => new BeaconTarget(sealPlaintext: true),
        "gateway-udp" => new GatewayTarget(tcpLines: false, replayCapacity: 10_000),
        "gateway-tcp" => new GatewayTarget(tcpLines: true, replayCapacity: 10_000),
        "http-ingest" => new HttpIngestTarget(),
        _ => throw new ArgumentException($"unknown decoder '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
