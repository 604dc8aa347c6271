namespace IotActors.Persistence;

/// <summary>Selects snapshots by inclusive sequence number and timestamp bounds.</summary>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr = long.MaxValue,
    DateTimeOffset? MaxTimestamp = null,
    long MinSequenceNr = 0,
    DateTimeOffset? MinTimestamp = null)
{
    /// <summary>Selects every snapshot; loading with it returns the latest.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new();

    /// <summary>Selects no snapshot (recovery starts from the first event).</summary>
    public static SnapshotSelectionCriteria None { get; } = new(MaxSequenceNr: 0, MinSequenceNr: 1);

    internal long MaxTimestampMs => MaxTimestamp?.ToUnixTimeMilliseconds() ?? long.MaxValue;

    internal long MinTimestampMs => MinTimestamp?.ToUnixTimeMilliseconds() ?? long.MinValue;
}
