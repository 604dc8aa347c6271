namespace IotActors.Persistence;

/// <summary>How a persistent actor recovers: which snapshot to start from and up to which event to replay.</summary>
/// <param name="FromSnapshot">Selects the snapshot to start from; <see cref="SnapshotSelectionCriteria.None"/> replays all events.</param>
/// <param name="ToSequenceNr">The last event to replay (inclusive).</param>
/// <param name="ReplayMax">The most events to replay.</param>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>Latest snapshot, then every later event.</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>No recovery at all: the actor starts empty, with sequence numbers continuing after the highest stored.</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0, 0);
}
