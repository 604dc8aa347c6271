namespace IotActors.Cluster.Tools.Replication;

/// <summary>Settings of the replicated site state (<c>iotactors.cluster.replicated-state</c>).</summary>
public sealed record ReplicatedStateSettings
{
    /// <summary>How often the replicator sends its version vector and digest to one random reachable peer (anti-entropy).</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often this node's own writes are pushed to every reachable peer (only when there are any).</summary>
    public TimeSpan DeltaInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often subscribers get the batch of changed entries (100-500 ms keeps dashboards live without flooding).</summary>
    public TimeSpan NotifyInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest size of one gossip message's entries, in bytes (larger deltas are split).</summary>
    public int MaxDeltaBytes { get; init; } = 64 * 1024;

    /// <summary>Largest accepted JSON value, in bytes.</summary>
    public int MaxValueBytes { get; init; } = 32 * 1024;

    /// <summary>File the map is saved to so a restarted node shows the last known state at once (null: not saved).</summary>
    public string? StoreFile { get; init; }

    /// <summary>How often a changed map is saved to <see cref="StoreFile"/>.</summary>
    public TimeSpan PersistInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its allowed range (the message names it).</exception>
    public void Validate()
    {
        Check(GossipInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), "gossip-interval");
        Check(DeltaInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), "delta-interval");
        Check(NotifyInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "notify-interval");
        Check(PersistInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), "persist-interval");
        if (MaxDeltaBytes is < 4096 or > 200 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDeltaBytes), MaxDeltaBytes, "cluster.replicated-state.max-delta-size must be between 4KiB and 200KiB.");
        }

        if (MaxValueBytes < 16 || MaxValueBytes > MaxDeltaBytes / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxValueBytes), MaxValueBytes, "cluster.replicated-state.max-value-size must be between 16 bytes and half of max-delta-size.");
        }
    }

    private static void Check(TimeSpan value, TimeSpan min, TimeSpan max, string key)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(key, value, $"cluster.replicated-state.{key} must be between {min} and {max}.");
        }
    }
}
