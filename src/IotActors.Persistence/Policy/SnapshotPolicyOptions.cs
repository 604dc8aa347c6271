namespace IotActors.Persistence;

/// <summary>When to snapshot and what to clean up afterwards.</summary>
/// <param name="SnapshotEvery">Take a snapshot once this many events were persisted since the last one; 0 disables snapshots.</param>
/// <param name="KeepSnapshots">How many recent snapshots to keep; 0 keeps all.</param>
/// <param name="DeleteEventsOnSnapshot">Delete events no kept snapshot needs any more; off by default.</param>
public sealed record SnapshotPolicyOptions(int SnapshotEvery = 100, int KeepSnapshots = 2, bool DeleteEventsOnSnapshot = false)
{
    /// <summary>The defaults: every 100 events, keep 2 snapshots, keep all events.</summary>
    public static SnapshotPolicyOptions Default { get; } = new();
}
