using System.Net;
using IotActors.Cluster;
using IotActors.Cluster.Discovery;
using IotActors.Cluster.FailureDetection;
using IotActors.Remote;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Reads and validates the <c>iotactors.cluster</c> section into <see cref="ClusterSettings"/>.</summary>
public static class ClusterSettingsReader
{
    /// <summary>Reads the cluster settings; discovery gets <paramref name="secret"/> (the cluster secret, 32 bytes) and the cluster name.</summary>
    public static ClusterSettings From(IConfiguration configuration, RemoteOptions remote, byte[] secret)
    {
        var c = new SettingsReader(configuration, "iotactors.cluster");
        var d = new ClusterSettings();
        var seeds = c.StringList("seed-nodes", []);
        foreach (var seed in seeds)
        {
            if (!NodeAddress.TryParse(seed, out _, out var error))
            {
                throw new InvalidSettingException(c.KeyOf("seed-nodes"), seed, $"addresses like iot://iotactors@192.168.1.20:4053 ({error})");
            }
        }

        var fd = c.Section("failure-detector");
        var heartbeat = fd.Duration("heartbeat-interval", d.HeartbeatInterval, TimeSpan.FromMilliseconds(10));
        var phi = new PhiAccrualOptions(
            fd.Double("threshold", PhiAccrualOptions.Default.Threshold, 0.5, 100),
            fd.Int("max-sample-size", PhiAccrualOptions.Default.MaxSampleSize, 1, 100_000),
            fd.Duration("min-std-deviation", PhiAccrualOptions.Default.MinStdDeviation, TimeSpan.FromMilliseconds(1)),
            fd.Duration("acceptable-heartbeat-pause", PhiAccrualOptions.Default.AcceptableHeartbeatPause),
            heartbeat);
        var downing = c.Section("downing");
        var strategy = downing.OneOf("strategy", "keep-majority", "keep-majority", "off");
        return new ClusterSettings
        {
            GossipInterval = c.Duration("gossip-interval", d.GossipInterval, TimeSpan.FromMilliseconds(10)),
            GossipDifferentViewProbability = c.Double("gossip-different-view-probability", d.GossipDifferentViewProbability, 0, 1),
            LeaderActionsInterval = c.Duration("leader-actions-interval", d.LeaderActionsInterval, TimeSpan.FromMilliseconds(10)),
            AutoRejoin = c.Bool("auto-rejoin", d.AutoRejoin),
            SeedNodes = seeds,
            JoinRetryInterval = c.Duration("join-retry-interval", d.JoinRetryInterval, TimeSpan.FromMilliseconds(10)),
            SeedNodeTimeout = c.Duration("seed-node-timeout", d.SeedNodeTimeout),
            LeaveTimeout = c.Duration("leave-timeout", d.LeaveTimeout, TimeSpan.FromMilliseconds(100)),
            HeartbeatInterval = heartbeat,
            UnreachableCheckInterval = fd.Duration("check-interval", d.UnreachableCheckInterval, TimeSpan.FromMilliseconds(10)),
            FailureDetector = phi,
            MonitoredBy = fd.Int("monitored-by-nr-of-members", d.MonitoredBy, 1, 100),
            DowningEnabled = strategy == "keep-majority",
            StableAfter = downing.Duration("stable-after", d.StableAfter),
            Discovery = ReadDiscovery(c.Section("discovery"), remote, secret),
        };
    }

    private static DiscoverySettings? ReadDiscovery(SettingsReader s, RemoteOptions remote, byte[] secret)
    {
        if (!s.Bool("enabled", true))
        {
            return null;
        }

        var port = s.Int("port", UdpBeaconSocketOptions.DefaultPort, 0, 65535);
        var entries = s.StringList("targets", []);
        IReadOnlyList<IPEndPoint> targets;
        try
        {
            targets = entries.Count == 0 ? DiscoveryTargets.Automatic(port) : DiscoveryTargets.Parse(entries, port);
        }
        catch (FormatException e)
        {
            throw new InvalidSettingException(s.KeyOf("targets"), string.Join(", ", entries), e.Message);
        }

        IPAddress? group = null;
        var groupText = s.String("multicast-group", "");
        if (groupText.Length > 0 && (!IPAddress.TryParse(groupText, out group) || !IsMulticast(group)))
        {
            throw new InvalidSettingException(s.KeyOf("multicast-group"), groupText, "an IPv4 multicast address such as 239.255.40.54, or empty");
        }

        var defaults = new DiscoverySettings(secret, remote.Transport.ClusterName, targets);
        var interval = s.Duration("interval", defaults.Interval, TimeSpan.FromMilliseconds(10));
        return defaults with
        {
            Port = port,
            MulticastGroup = group,
            Targets = group is null || targets.Any(t => t.Address.Equals(group)) ? targets : [.. targets, new IPEndPoint(group, port)],
            Interval = interval,
            StartupInterval = s.Duration("startup-interval", TimeSpan.FromTicks(Math.Min(defaults.StartupInterval.Ticks, interval.Ticks)), TimeSpan.FromMilliseconds(10)),
            StartupDuration = s.Duration("startup-duration", defaults.StartupDuration),
            FormationStablePeriod = s.Duration("formation-stable-period", defaults.FormationStablePeriod),
            HeardExpiry = s.Duration("heard-expiry", defaults.HeardExpiry, TimeSpan.FromMilliseconds(10)),
            IgnoredLogInterval = s.Duration("ignored-log-interval", defaults.IgnoredLogInterval),
        };
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239;
}
