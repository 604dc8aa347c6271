using System.Text;
using IotActors.Persistence.Tests.Support;
using static IotActors.Persistence.Tests.Support.Events;

namespace IotActors.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static Snapshot Snap(string pid, long seq, DateTimeOffset at, string state) =>
        new(new SnapshotMetadata(pid, seq, at), "state.v1", Encoding.UTF8.GetBytes(state));

    [Fact]
    public async Task Recovery_is_latest_snapshot_plus_later_events()
    {
        await Journal.WriteOneAsync(Range("dev", 1, 10));
        await Snapshots.SaveAsync(Snap("dev", 10, Epoch, "sum=55"));
        await Journal.WriteOneAsync(Range("dev", 11, 13));

        await ReopenAsync();

        var snapshot = await Snapshots.LoadLatestAsync("dev", SnapshotSelectionCriteria.Latest);
        snapshot.Should().NotBeNull();
        snapshot!.Metadata.Should().Be(new SnapshotMetadata("dev", 10, Epoch));
        snapshot.Manifest.Should().Be("state.v1");
        Encoding.UTF8.GetString(snapshot.Payload).Should().Be("sum=55");
        var later = await Journal.ReplayAsync("dev", snapshot.Metadata.SequenceNr + 1, long.MaxValue, long.MaxValue).ToListAsync();
        later.Select(e => e.SequenceNr).Should().Equal(11, 12, 13);
    }

    [Fact]
    public async Task Load_latest_respects_sequence_and_time_criteria()
    {
        await Snapshots.SaveAsync(Snap("dev", 5, Epoch, "s5"));
        await Snapshots.SaveAsync(Snap("dev", 10, Epoch.AddMinutes(1), "s10"));
        await Snapshots.SaveAsync(Snap("dev", 15, Epoch.AddMinutes(2), "s15"));
        await Snapshots.SaveAsync(Snap("other", 99, Epoch, "x"));

        async Task<long?> Load(SnapshotSelectionCriteria c) => (await Snapshots.LoadLatestAsync("dev", c))?.Metadata.SequenceNr;

        (await Load(SnapshotSelectionCriteria.Latest)).Should().Be(15);
        (await Load(new SnapshotSelectionCriteria(MaxSequenceNr: 14))).Should().Be(10);
        (await Load(new SnapshotSelectionCriteria(MaxTimestamp: Epoch.AddSeconds(30)))).Should().Be(5);
        (await Load(new SnapshotSelectionCriteria(MinSequenceNr: 6, MaxSequenceNr: 9))).Should().BeNull();
        (await Load(SnapshotSelectionCriteria.None)).Should().BeNull();
        (await Snapshots.LoadLatestAsync("nobody", SnapshotSelectionCriteria.Latest)).Should().BeNull();
    }

    [Fact]
    public async Task Saving_the_same_snapshot_sequence_nr_again_replaces_it()
    {
        await Snapshots.SaveAsync(Snap("dev", 5, Epoch, "first"));
        await Snapshots.SaveAsync(Snap("dev", 5, Epoch.AddMinutes(1), "second"));

        var loaded = await Snapshots.LoadLatestAsync("dev", SnapshotSelectionCriteria.Latest);

        Encoding.UTF8.GetString(loaded!.Payload).Should().Be("second");
        loaded.Metadata.Timestamp.Should().Be(Epoch.AddMinutes(1));
    }

    [Fact]
    public async Task Delete_by_sequence_nr_and_by_criteria_remove_only_matching_snapshots()
    {
        foreach (var seq in new long[] { 5, 10, 15, 20 })
        {
            await Snapshots.SaveAsync(Snap("dev", seq, Epoch, $"s{seq}"));
        }

        await Snapshots.SaveAsync(Snap("other", 5, Epoch, "o5"));

        await Snapshots.DeleteAsync("dev", 20);
        (await Snapshots.LoadLatestAsync("dev", SnapshotSelectionCriteria.Latest))!.Metadata.SequenceNr.Should().Be(15);

        await Snapshots.DeleteAsync("dev", new SnapshotSelectionCriteria(MaxSequenceNr: 10));
        (await Snapshots.LoadLatestAsync("dev", new SnapshotSelectionCriteria(MaxSequenceNr: 14))).Should().BeNull();
        (await Snapshots.LoadLatestAsync("dev", SnapshotSelectionCriteria.Latest))!.Metadata.SequenceNr.Should().Be(15);
        (await Snapshots.LoadLatestAsync("other", SnapshotSelectionCriteria.Latest))!.Metadata.SequenceNr.Should().Be(5);
    }
}
