using IotActors.Actors;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Actors;

public sealed class QueryAndPolicyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EventsByTag_through_the_extension_returns_deserialized_tagged_events_current_and_live()
    {
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path);
        var a = node.Spawn("tag-a");
        var b = node.Spawn("tag-b");
        node.Probe.ReceiveN(2);
        node.Probe.Send(a, new CmdTagged("a1", ["fan"]));
        node.Probe.ExpectMsg<Ack>();
        node.Probe.Send(b, new Cmd("untagged"));
        node.Probe.ExpectMsg<Ack>();
        node.Probe.Send(b, new CmdTagged("b1", ["fan", "kitchen"]));
        node.Probe.ExpectMsg<Ack>();

        var current = await node.Persistence.CurrentEventsByTag("fan").ToListAsync();
        current.Select(e => (e.PersistenceId, ((Evt)e.Event).Data)).Should().Equal(("tag-a", "a1"), ("tag-b", "b1"));
        current[1].Tags.Should().BeEquivalentTo("fan", "kitchen");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var live = node.Persistence.EventsByTag("fan", current[^1].Offset, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = live.MoveNextAsync().AsTask();
        node.Probe.Send(a, new CmdTagged("a2", ["fan"]));
        node.Probe.ExpectMsg<Ack>();
        (await next).Should().BeTrue();
        ((Evt)live.Current.Event).Data.Should().Be("a2");
        live.Current.SequenceNr.Should().Be(2);
        await cts.CancelAsync();
        await live.DisposeAsync();
    }

    [Fact]
    public async Task The_snapshot_policy_snapshots_every_n_events_and_deletes_older_snapshots_and_events_when_configured()
    {
        var policy = new SnapshotPolicyOptions(SnapshotEvery: 3, KeepSnapshots: 1, DeleteEventsOnSnapshot: true);
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { SnapshotPolicy = policy }))
        {
            var actor = node.System.ActorOf(Props.Create(() => new PolicyActor("policy-1", node.Probe.Ref)), "policy-1");
            node.Probe.ExpectMsg<Recovered>();
            for (var i = 1; i <= 10; i++)
            {
                node.Probe.Send(actor, new Cmd($"e{i}"));
                node.Probe.ExpectMsg<Ack>();
            }

            var store = node.Persistence.SnapshotStore;
            await AwaitAsync(async () =>
            {
                (await store.LoadLatestAsync("policy-1", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr.Should().Be(9);
                (await store.LoadLatestAsync("policy-1", new SnapshotSelectionCriteria(MaxSequenceNr: 8))).Should().BeNull("snapshots older than the kept one are deleted");
                var events = await node.Persistence.CurrentEventsByPersistenceId("policy-1").ToListAsync();
                events.Select(e => e.SequenceNr).Should().Equal(7, 8, 9, 10);
            });
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { SnapshotPolicy = policy }))
        {
            node.System.ActorOf(Props.Create(() => new PolicyActor("policy-1", node.Probe.Ref)), "policy-1");
            node.Probe.ExpectMsg<Offered>().SequenceNr.Should().Be(9);
            node.Probe.ExpectMsg<Recovered>().Items.Should().Equal(Enumerable.Range(1, 10).Select(i => $"e{i}"));
        }
    }

    [Fact]
    public async Task The_snapshot_policy_keeps_all_events_unless_event_deletion_is_configured()
    {
        var policy = new SnapshotPolicyOptions(SnapshotEvery: 2, KeepSnapshots: 1, DeleteEventsOnSnapshot: false);
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { SnapshotPolicy = policy });
        var actor = node.System.ActorOf(Props.Create(() => new PolicyActor("policy-2", node.Probe.Ref)), "policy-2");
        node.Probe.ExpectMsg<Recovered>();
        for (var i = 1; i <= 6; i++)
        {
            node.Probe.Send(actor, new Cmd($"e{i}"));
            node.Probe.ExpectMsg<Ack>();
        }

        await AwaitAsync(async () =>
            (await node.Persistence.SnapshotStore.LoadLatestAsync("policy-2", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr.Should().Be(6));
        (await node.Persistence.CurrentEventsByPersistenceId("policy-2").ToListAsync()).Should().HaveCount(6);
    }

    private static async Task AwaitAsync(Func<Task> assertion)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }
}
