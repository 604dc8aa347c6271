namespace IotActors.Persistence;

/// <summary>What to delete after a snapshot was saved; null members mean nothing to delete.</summary>
/// <param name="DeleteSnapshots">Snapshots to delete, or null.</param>
/// <param name="DeleteEventsToSequenceNr">Delete events up to and including this sequence number, or null.</param>
public sealed record SnapshotCleanup(SnapshotSelectionCriteria? DeleteSnapshots, long? DeleteEventsToSequenceNr)
{
    /// <summary>Nothing to delete.</summary>
    public static SnapshotCleanup Nothing { get; } = new(null, null);
}
