namespace IotActors.Persistence.Tests.Policy;

public sealed class SnapshotPolicyTests
{
    [Fact]
    public void Snapshot_is_due_once_every_n_events_since_the_last_one()
    {
        var policy = new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: 10));

        policy.ShouldSnapshot(0, 9).Should().BeFalse();
        policy.ShouldSnapshot(0, 10).Should().BeTrue();
        policy.ShouldSnapshot(10, 19).Should().BeFalse();
        policy.ShouldSnapshot(10, 23).Should().BeTrue("a persist of several events may jump past the multiple");
    }

    [Fact]
    public void Zero_interval_never_snapshots_and_never_cleans_up()
    {
        var policy = new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: 0));

        policy.ShouldSnapshot(0, 1_000_000).Should().BeFalse();
        policy.AfterSnapshotSaved(1_000).Should().Be(SnapshotCleanup.Nothing);
    }

    [Fact]
    public void Keeping_k_snapshots_deletes_older_snapshots_but_keeps_events_by_default()
    {
        var policy = new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: 10, KeepSnapshots: 2));

        policy.AfterSnapshotSaved(10).Should().Be(SnapshotCleanup.Nothing);
        policy.AfterSnapshotSaved(20).Should().Be(SnapshotCleanup.Nothing);
        var cleanup = policy.AfterSnapshotSaved(30);

        cleanup.DeleteSnapshots.Should().Be(new SnapshotSelectionCriteria(MaxSequenceNr: 10));
        cleanup.DeleteEventsToSequenceNr.Should().BeNull();
    }

    [Fact]
    public void Event_deletion_when_configured_stops_below_the_oldest_kept_snapshot()
    {
        var policy = new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: 10, KeepSnapshots: 2, DeleteEventsOnSnapshot: true));

        var cleanup = policy.AfterSnapshotSaved(40);

        cleanup.DeleteEventsToSequenceNr.Should().Be(20);
        cleanup.DeleteSnapshots!.MaxSequenceNr.Should().Be(20);
    }

    [Fact]
    public void Keep_zero_keeps_every_snapshot()
    {
        var policy = new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: 10, KeepSnapshots: 0));

        policy.AfterSnapshotSaved(500).Should().Be(SnapshotCleanup.Nothing);
    }

    [Fact]
    public void Deleting_events_without_kept_snapshots_is_refused()
    {
        FluentActions.Invoking(() => new SnapshotPolicy(new SnapshotPolicyOptions(KeepSnapshots: 0, DeleteEventsOnSnapshot: true)))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: -1)))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void At_most_k_snapshots_survive_any_save_sequence()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.ArbMap.Default.ArbFor<FsCheck.PositiveInt[]>(),
            gaps =>
            {
                var policy = new SnapshotPolicy(new SnapshotPolicyOptions(SnapshotEvery: 5, KeepSnapshots: 3));
                var kept = new List<long>();
                long seq = 0;
                foreach (var gap in gaps)
                {
                    seq += 5 + (gap.Get % 20);
                    kept.Add(seq);
                    var cleanup = policy.AfterSnapshotSaved(seq);
                    if (cleanup.DeleteSnapshots is { } c)
                    {
                        kept.RemoveAll(s => s <= c.MaxSequenceNr);
                    }

                    if (kept.Count > 3 || !kept.Contains(seq))
                    {
                        return false;
                    }
                }

                return true;
            }));
    }
}
