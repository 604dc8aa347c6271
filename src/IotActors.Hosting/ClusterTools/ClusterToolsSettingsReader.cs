using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Reads <c>iotactors.cluster.pub-sub</c>, <c>registry</c> and <c>replicated-state</c> into typed, validated settings.</summary>
public static class ClusterToolsSettingsReader
{
    /// <summary>Pub-sub settings from <c>iotactors.cluster.pub-sub</c>.</summary>
    /// <exception cref="InvalidSettingException">A value is malformed or out of range.</exception>
    public static DistributedPubSubSettings PubSub(IConfiguration configuration)
    {
        var r = new SettingsReader(configuration, "iotactors.cluster.pub-sub");
        var defaults = new DistributedPubSubSettings();
        return defaults with
        {
            GossipInterval = r.Duration("gossip-interval", defaults.GossipInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            DeltaInterval = r.Duration("delta-interval", defaults.DeltaInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
        };
    }

    /// <summary>The registry's anti-entropy and push intervals from <c>iotactors.cluster.registry</c>.</summary>
    /// <exception cref="InvalidSettingException">A value is malformed or out of range.</exception>
    public static (TimeSpan GossipInterval, TimeSpan DeltaInterval) RegistryIntervals(IConfiguration configuration)
    {
        var r = new SettingsReader(configuration, "iotactors.cluster.registry");
        return (r.Duration("gossip-interval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            r.Duration("delta-interval", TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)));
    }

    /// <summary>Replicated-state settings from <c>iotactors.cluster.replicated-state</c>; the store file lives in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InvalidSettingException">A value is malformed or out of range.</exception>
    public static ReplicatedStateSettings ReplicatedState(IConfiguration configuration, string dataDirectory)
    {
        var r = new SettingsReader(configuration, "iotactors.cluster.replicated-state");
        var d = new ReplicatedStateSettings();
        var maxDelta = (int)r.Size("max-delta-size", d.MaxDeltaBytes, 4096, 200 * 1024);
        var file = r.String("file", "replicated-state.json");
        if (file.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new InvalidSettingException(r.KeyOf("file"), file, "a plain file name inside node.data-dir");
        }

        return d with
        {
            GossipInterval = r.Duration("gossip-interval", d.GossipInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            DeltaInterval = r.Duration("delta-interval", d.DeltaInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            NotifyInterval = r.Duration("notify-interval", d.NotifyInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10)),
            MaxDeltaBytes = maxDelta,
            MaxValueBytes = (int)r.Size("max-value-size", d.MaxValueBytes, 16, maxDelta / 2),
            PersistInterval = r.Duration("persist-interval", d.PersistInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            StoreFile = r.Bool("durable", true) ? Path.Combine(dataDirectory, file) : null,
        };
    }
}
