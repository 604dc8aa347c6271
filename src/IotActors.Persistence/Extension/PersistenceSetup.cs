namespace IotActors.Persistence;

/// <summary>What the persistence extension of one actor system uses: its stores, serializer and snapshot rules.</summary>
/// <param name="Journal">The event journal.</param>
/// <param name="ReadJournal">The query side of the same journal.</param>
/// <param name="SnapshotStore">The snapshot store.</param>
public sealed record PersistenceSetup(IJournal Journal, IReadJournal ReadJournal, ISnapshotStore SnapshotStore)
{
    /// <summary>The manifest registry for events and snapshots.</summary>
    public PersistenceSerializer Serializer { get; init; } = new();

    /// <summary>The snapshot rules <c>SaveSnapshotIfDue</c> follows (config iotactors.persistence.snapshot.*).</summary>
    public SnapshotPolicyOptions SnapshotPolicy { get; init; } = SnapshotPolicyOptions.Default;

    /// <summary>Events read, decoded and applied per step of a recovery.</summary>
    public int ReplayBatchSize { get; init; } = 1000;

    /// <summary>How many persistent actors may recover at once; the others wait (asynchronously) for a slot, which bounds store connections.</summary>
    public int MaxConcurrentRecoveries { get; init; } = 16;

    /// <summary>Dispose the stores when the actor system terminates; on by default.</summary>
    public bool DisposeStoresOnTermination { get; init; } = true;
}
