using System.Net;
using IotActors.Hosting;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Gateways;

/// <summary>Settings of the JSON gateways (<c>iotactors.gateway</c>), validated when read.</summary>
internal sealed record GatewayOptions
{
    public UdpGatewayOptions Udp { get; init; } = new();
    public TcpGatewayOptions Tcp { get; init; } = new();
    public double RateBurst { get; init; } = 20;
    public double RatePerSecond { get; init; } = 10;
    public int MaxSources { get; init; } = 10_000;
    public TimeSpan RejectLogInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(5);
    public int ReplayCacheSize { get; init; } = 100_000;
    public TimeSpan PeerLivenessTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public string SecretFile { get; init; } = "";
    public string SecretEnvironmentVariable { get; init; } = "IOTACTORS_CLUSTER_SECRET";
    public bool DataLogEnabled { get; init; }
    public string DataLogDirectory { get; init; } = "";
    public long DataLogMaxFileSize { get; init; } = 10 * 1024 * 1024;

    public static GatewayOptions From(IConfiguration configuration)
    {
        var g = new SettingsReader(configuration, "iotactors.gateway");
        var d = new GatewayOptions();
        var udp = g.Section("udp");
        var tcp = g.Section("tcp");
        var rate = g.Section("rate-limit");
        var log = g.Section("data-log");
        return new GatewayOptions
        {
            Udp = new UdpGatewayOptions
            {
                Enabled = udp.Bool("enabled", d.Udp.Enabled),
                Bind = Address(udp, d.Udp.Bind),
                Port = udp.Int("port", d.Udp.Port, 0, 65535),
                AllowUnsigned = udp.Bool("allow-unsigned", d.Udp.AllowUnsigned),
                MaxDatagramSize = (int)udp.Size("max-datagram-size", d.Udp.MaxDatagramSize, 64, 65507),
            },
            Tcp = new TcpGatewayOptions
            {
                Enabled = tcp.Bool("enabled", d.Tcp.Enabled),
                Bind = Address(tcp, d.Tcp.Bind),
                Port = tcp.Int("port", d.Tcp.Port, 0, 65535),
                AllowUnsigned = tcp.Bool("allow-unsigned", d.Tcp.AllowUnsigned),
                MaxLineLength = (int)tcp.Size("max-line-length", d.Tcp.MaxLineLength, 64, 1024 * 1024),
                IdleTimeout = tcp.Duration("idle-timeout", d.Tcp.IdleTimeout, TimeSpan.FromSeconds(1)),
                MaxConnections = tcp.Int("max-connections", d.Tcp.MaxConnections, 1, 100_000),
            },
            RateBurst = rate.Double("burst", d.RateBurst, 1, 1_000_000),
            RatePerSecond = rate.Double("per-second", d.RatePerSecond, 0.001, 1_000_000),
            MaxSources = rate.Int("max-sources", d.MaxSources, 1, 10_000_000),
            RejectLogInterval = g.Duration("reject-log-interval", d.RejectLogInterval),
            ReplayWindow = g.Duration("replay-window", d.ReplayWindow, TimeSpan.FromSeconds(1)),
            ReplayCacheSize = g.Int("replay-cache-size", d.ReplayCacheSize, 1, 10_000_000),
            PeerLivenessTimeout = g.Duration("peer-liveness-timeout", d.PeerLivenessTimeout, TimeSpan.FromSeconds(1)),
            SecretFile = g.String("secret-file", d.SecretFile),
            SecretEnvironmentVariable = g.String("secret-env", d.SecretEnvironmentVariable),
            DataLogEnabled = log.Bool("enabled", d.DataLogEnabled),
            DataLogDirectory = log.String("dir", d.DataLogDirectory),
            DataLogMaxFileSize = log.Size("max-file-size", d.DataLogMaxFileSize, 1024),
        };
    }

    private static IPAddress Address(SettingsReader reader, IPAddress fallback)
    {
        string? raw = reader.Raw("bind");
        if (string.IsNullOrEmpty(raw)) return fallback;
        return IPAddress.TryParse(raw, out IPAddress? address)
            ? address
            : throw new InvalidSettingException(reader.KeyOf("bind"), raw, "an IP address such as 0.0.0.0 or 127.0.0.1");
    }
}
