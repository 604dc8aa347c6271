using IotActors.Remote;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Settings of the <c>iotactors.remote</c> section, validated when read.</summary>
public sealed record RemoteOptions
{
    /// <summary>The environment variable read when no secret file is configured.</summary>
    public const string SecretEnvironmentVariable = "IOTACTORS_CLUSTER_SECRET";

    /// <summary>Transport settings (host, port, TLS, limits, heartbeats, failure detection, backoff).</summary>
    public required RemoteTransportSettings Transport { get; init; }

    /// <summary>File holding the cluster secret (base64 or hex); empty means the environment variable <see cref="SecretEnvironmentVariable"/>.</summary>
    public string SecretFile { get; init; } = "";

    /// <summary>Where the node certificate comes from.</summary>
    public required CertificateOptions Certificate { get; init; }

    /// <summary>How long shutdown waits for death-watch notifications to reach peers.</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reads and validates <c>iotactors.remote</c>; the node's system name, roles and data directory come from <paramref name="node"/>.</summary>
    public static RemoteOptions From(IConfiguration configuration, NodeOptions node)
    {
        var remote = new SettingsReader(configuration, "iotactors.remote");
        var defaults = new RemoteTransportSettings(node.SystemName, "iotactors");
        string host = remote.String("host", defaults.Host);
        if (!System.Net.IPAddress.TryParse(host, out _))
            throw new InvalidSettingException(remote.KeyOf("host"), host, "an IP address to bind, such as 0.0.0.0, 127.0.0.1 or 192.168.1.20");
        string clusterName = remote.String("cluster-name", "iotactors");
        if (clusterName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new InvalidSettingException(remote.KeyOf("cluster-name"), clusterName, "letters, digits, '-' and '_'");
        var transport = new RemoteTransportSettings(node.SystemName, clusterName)
        {
            Host = host,
            Port = remote.Int("port", defaults.Port, 0, 65535),
            Roles = node.Roles,
            TlsEnabled = remote.Bool("tls", defaults.TlsEnabled),
            MaxFrameSize = (int)remote.Size("max-frame-size", defaults.MaxFrameSize, 4 * 1024, 64 * 1024 * 1024),
            OutboundQueueCapacity = remote.Int("outbound-queue-capacity", defaults.OutboundQueueCapacity, 16, 10_000_000),
            HandshakeTimeout = remote.Duration("handshake-timeout", defaults.HandshakeTimeout, TimeSpan.FromMilliseconds(100)),
            HeartbeatInterval = remote.Duration("heartbeat-interval", defaults.HeartbeatInterval, TimeSpan.FromMilliseconds(10)),
            PhiThreshold = remote.Double("phi-threshold", defaults.PhiThreshold, 1, 100),
            AcceptableHeartbeatPause = remote.Duration("acceptable-heartbeat-pause", defaults.AcceptableHeartbeatPause),
            MinStdDeviation = remote.Duration("min-std-deviation", defaults.MinStdDeviation, TimeSpan.FromMilliseconds(1)),
            ReconnectMinBackoff = remote.Duration("reconnect-min-backoff", defaults.ReconnectMinBackoff, TimeSpan.FromMilliseconds(1)),
            ReconnectMaxBackoff = remote.Duration("reconnect-max-backoff", defaults.ReconnectMaxBackoff, TimeSpan.FromMilliseconds(1)),
            WriteBatchBytes = (int)remote.Size("write-batch-size", defaults.WriteBatchBytes, 1024, 16 * 1024 * 1024),
            FaultInjectionDelay = ReadDelayRange(remote.Section("fault-injection"), "delay"),
        };
        if (transport.ReconnectMaxBackoff < transport.ReconnectMinBackoff)
            throw new InvalidSettingException(remote.KeyOf("reconnect-max-backoff"), remote.Raw("reconnect-max-backoff"), "at least reconnect-min-backoff");
        return new RemoteOptions
        {
            Transport = transport,
            SecretFile = remote.String("secret-file", ""),
            Certificate = CertificateOptions.From(remote.Section("certificate"), node),
            ShutdownFlushTimeout = remote.Duration("shutdown-flush-timeout", TimeSpan.FromSeconds(2)),
        };
    }

    /// <summary>Reads a test-only latency range such as <c>20ms-50ms</c> (or one duration); empty or <c>off</c> means none.</summary>
    private static (TimeSpan Min, TimeSpan Max)? ReadDelayRange(SettingsReader section, string key)
    {
        string raw = section.String(key, "off").Trim();
        if (raw is "off" or "0" or "0ms") return null;
        string[] parts = raw.Split('-', 2, StringSplitOptions.TrimEntries);
        if (Hocon.HoconUnits.TryParseDuration(parts[0], out TimeSpan min) && min >= TimeSpan.Zero)
        {
            TimeSpan max = min;
            if (parts.Length == 1 || (Hocon.HoconUnits.TryParseDuration(parts[1], out max) && max >= min)) return (min, max);
        }
        throw new InvalidSettingException(section.KeyOf(key), raw, "off, or a latency range such as 20ms-50ms (test-only)");
    }
}
