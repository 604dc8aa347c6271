namespace IotActors.Persistence;

/// <summary>A store of entity snapshots; recovery loads the latest one and replays later events.</summary>
/// <remarks>All members are thread-safe; a completed save is durable.</remarks>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>Stores the snapshot; saving again for the same (persistence id, sequence number) replaces it.</summary>
    Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Loads the snapshot with the highest sequence number that matches the criteria, or null.</summary>
    Task<Snapshot?> LoadLatestAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entity's snapshot with exactly this sequence number, if any.</summary>
    Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken cancellationToken = default);

    /// <summary>Deletes all of the entity's snapshots that match the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
