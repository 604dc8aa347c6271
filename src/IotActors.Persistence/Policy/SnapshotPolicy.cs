namespace IotActors.Persistence;

/// <summary>Pure snapshot scheduling and retention rules, used by persistent actors after each persist.</summary>
public sealed class SnapshotPolicy
{
    /// <summary>Creates the policy and checks its options.</summary>
    public SnapshotPolicy(SnapshotPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SnapshotEvery);
        ArgumentOutOfRangeException.ThrowIfNegative(options.KeepSnapshots);
        if (options.DeleteEventsOnSnapshot && options.KeepSnapshots == 0)
        {
            throw new ArgumentException("DeleteEventsOnSnapshot needs KeepSnapshots > 0, otherwise no snapshot is known to cover the deleted events.", nameof(options));
        }

        Options = options;
    }

    /// <summary>The options in force.</summary>
    public SnapshotPolicyOptions Options { get; }

    /// <summary>True when a snapshot is due at <paramref name="currentSequenceNr"/> given the last snapshot's sequence number (0 if none).</summary>
    public bool ShouldSnapshot(long lastSnapshotSequenceNr, long currentSequenceNr) =>
        Options.SnapshotEvery > 0 && currentSequenceNr - lastSnapshotSequenceNr >= Options.SnapshotEvery;

    /// <summary>Returns what to delete after a snapshot at <paramref name="savedSequenceNr"/> was stored.</summary>
    /// <remarks>
    /// Snapshots are at least SnapshotEvery apart, so those at or below saved - KeepSnapshots * SnapshotEvery are
    /// older than the last KeepSnapshots; events up to that bound are needed by no kept snapshot.
    /// </remarks>
    public SnapshotCleanup AfterSnapshotSaved(long savedSequenceNr)
    {
        if (Options.KeepSnapshots == 0 || Options.SnapshotEvery == 0)
        {
            return SnapshotCleanup.Nothing;
        }

        var bound = savedSequenceNr - ((long)Options.KeepSnapshots * Options.SnapshotEvery);
        if (bound < 1)
        {
            return SnapshotCleanup.Nothing;
        }

        return new SnapshotCleanup(
            new SnapshotSelectionCriteria(MaxSequenceNr: bound),
            Options.DeleteEventsOnSnapshot ? bound : null);
    }
}
