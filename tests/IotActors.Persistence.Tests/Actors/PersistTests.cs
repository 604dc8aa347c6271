using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Actors;

public sealed class PersistTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Commands_arriving_while_persisting_are_processed_after_the_handler_in_order()
    {
        ControlledJournal? journal = null;
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { Journal = journal = new ControlledJournal(s.Journal) });
        var actor = node.Spawn("stash-1");
        node.Probe.ExpectMsg<Recovered>();
        journal!.Close();
        node.Probe.Send(actor, new Cmd("a"));
        node.Probe.Send(actor, new Ping(1));
        node.Probe.Send(actor, new Ping(2));
        node.Probe.Send(actor, new Cmd("b"));
        node.Probe.Send(actor, new Ping(3));
        node.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        journal.Release();
        node.Probe.ExpectMsg(new Ack("a", 1));
        node.Probe.ExpectMsg(new Pong(1));
        node.Probe.ExpectMsg(new Pong(2));
        node.Probe.ExpectMsg(new Ack("b", 2));
        node.Probe.ExpectMsg(new Pong(3));
    }

    [Fact]
    public async Task PersistAsync_lets_commands_flow_while_the_write_is_pending()
    {
        ControlledJournal? journal = null;
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { Journal = journal = new ControlledJournal(s.Journal) });
        var actor = node.Spawn("async-1");
        node.Probe.ExpectMsg<Recovered>();
        journal!.Close();
        node.Probe.Send(actor, new CmdAsync("a"));
        node.Probe.Send(actor, new Ping(1));
        node.Probe.Send(actor, new CmdAsync("b"));
        node.Probe.Send(actor, new Ping(2));
        node.Probe.ExpectMsg(new Pong(1));
        node.Probe.ExpectMsg(new Pong(2));
        journal.Release();
        node.Probe.ExpectMsg(new Ack("a", 1));
        node.Probe.ExpectMsg(new Ack("b", 2));
    }

    [Fact]
    public async Task PersistAll_handles_each_event_in_order_and_DeferAsync_runs_after_pending_handlers()
    {
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path);
        var actor = node.Spawn("all-1");
        node.Probe.ExpectMsg<Recovered>();
        node.Probe.Send(actor, new Defer("immediate"));
        node.Probe.ExpectMsg(new Deferred("immediate"));
        node.Probe.Send(actor, new CmdAll(["x", "y", "z"]));
        node.Probe.Send(actor, new CmdAsync("w"));
        node.Probe.Send(actor, new Defer("after-w"));
        node.Probe.Send(actor, new CmdAsync("v"));
        node.Probe.ExpectMsg(new Ack("x", 1));
        node.Probe.ExpectMsg(new Ack("y", 2));
        node.Probe.ExpectMsg(new Ack("z", 3));
        node.Probe.ExpectMsg(new Ack("w", 4));
        node.Probe.ExpectMsg(new Deferred("after-w"));
        node.Probe.ExpectMsg(new Ack("v", 5));
        var stored = await node.Persistence.CurrentEventsByPersistenceId("all-1").ToListAsync();
        stored.Select(e => ((Evt)e.Event).Data).Should().Equal("x", "y", "z", "w", "v");
        stored.Select(e => e.SequenceNr).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task A_hundred_actors_persisting_concurrently_all_recover_their_own_events()
    {
        const int Actors = 100;
        const int PerActor = 20;
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var refs = Enumerable.Range(0, Actors).Select(i => node.Spawn($"many-{i}")).ToList();
            node.Probe.ReceiveN(Actors, TimeSpan.FromSeconds(20)).Should().AllBeOfType<Recovered>();
            for (var n = 0; n < PerActor; n++)
            {
                for (var i = 0; i < Actors; i++)
                {
                    node.Probe.Send(refs[i], new Cmd($"{i}:{n}"));
                }
            }

            var acks = node.Probe.ReceiveN(Actors * PerActor, TimeSpan.FromSeconds(30)).Cast<Ack>().ToList();
            foreach (var group in acks.GroupBy(a => a.Data.Split(':')[0]))
            {
                group.Select(a => a.SequenceNr).Should().Equal(Enumerable.Range(1, PerActor).Select(s => (long)s));
            }
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            for (var i = 0; i < Actors; i++)
            {
                node.Spawn($"many-{i}");
            }

            var recovered = node.Probe.ReceiveN(Actors, TimeSpan.FromSeconds(20)).Cast<Recovered>().ToList();
            foreach (var r in recovered)
            {
                var owner = r.Items[0].Split(':')[0];
                r.Items.Should().Equal(Enumerable.Range(0, PerActor).Select(n => $"{owner}:{n}"));
                r.LastSequenceNr.Should().Be(PerActor);
            }

            recovered.Select(r => r.Items[0].Split(':')[0]).Distinct().Should().HaveCount(Actors);
        }
    }

    [Fact]
    public async Task SaveSnapshot_replies_success_with_the_last_sequence_number_and_failure_when_the_store_fails()
    {
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("reply-1");
            node.Probe.ExpectMsg<Recovered>();
            node.Probe.Send(actor, new CmdAll(["a", "b"]));
            node.Probe.ReceiveN(2);
            node.Probe.Send(actor, new Snap());
            var success = node.Probe.ExpectMsg<SaveSnapshotSuccess>();
            success.Metadata.PersistenceId.Should().Be("reply-1");
            success.Metadata.SequenceNr.Should().Be(2);
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { SnapshotStore = new FailingSnapshotStore(s.SnapshotStore) }))
        {
            var actor = node.Spawn("reply-1");
            node.Probe.ExpectMsg<Offered>();
            node.Probe.ExpectMsg<Recovered>();
            node.Probe.Send(actor, new Snap());
            node.Probe.ExpectMsg<SaveSnapshotFailure>().Cause.Should().BeOfType<IOException>();
            node.Probe.Send(actor, new Cmd("c"));
            node.Probe.ExpectMsg(new Ack("c", 3));
        }
    }
}
