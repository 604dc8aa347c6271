using IotActors.Actors;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Actors;

public sealed class RecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Persisted_events_are_recovered_after_a_system_restart_with_the_same_data_directory()
    {
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("counter-1");
            node.Probe.ExpectMsg<Recovered>(r => r.Items.Count == 0 && r.LastSequenceNr == 0);
            foreach (var d in new[] { "a", "b", "c" })
            {
                node.Probe.Send(actor, new Cmd(d));
            }

            node.Probe.ExpectMsg(new Ack("a", 1));
            node.Probe.ExpectMsg(new Ack("b", 2));
            node.Probe.ExpectMsg(new Ack("c", 3));
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("counter-1");
            var recovered = node.Probe.ExpectMsg<Recovered>();
            recovered.Items.Should().Equal("a", "b", "c");
            recovered.LastSequenceNr.Should().Be(3);
            node.Probe.Send(actor, new Cmd("d"));
            node.Probe.ExpectMsg(new Ack("d", 4));
        }
    }

    [Fact]
    public async Task Recovery_offers_the_snapshot_then_replays_only_later_events()
    {
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("snap-1");
            node.Probe.ExpectMsg<Recovered>();
            node.Probe.Send(actor, new CmdAll(["a", "b", "c"]));
            node.Probe.ReceiveN(3);
            node.Probe.Send(actor, new Snap());
            node.Probe.ExpectMsg<SaveSnapshotSuccess>().Metadata.SequenceNr.Should().Be(3);
            node.Probe.Send(actor, new Cmd("d"));
            node.Probe.Send(actor, new Cmd("e"));
            node.Probe.ReceiveN(2);
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            node.Spawn("snap-1");
            var offered = node.Probe.ExpectMsg<Offered>();
            offered.SequenceNr.Should().Be(3);
            offered.Items.Should().Equal("a", "b", "c");
            var recovered = node.Probe.ExpectMsg<Recovered>();
            recovered.Items.Should().Equal("a", "b", "c", "d", "e");
            recovered.LastSequenceNr.Should().Be(5);
        }
    }

    [Fact]
    public async Task Commands_sent_before_recovery_completes_are_processed_after_it_in_order()
    {
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("early-1");
            node.Probe.ExpectMsg<Recovered>();
            node.Probe.Send(actor, new CmdAll([.. Enumerable.Range(0, 3000).Select(i => $"e{i}")]));
            node.Probe.ReceiveN(3000, TimeSpan.FromSeconds(20));
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("early-1");
            node.Probe.Send(actor, new Ping(1));
            node.Probe.Send(actor, new Cmd("x"));
            node.Probe.Send(actor, new Ping(2));
            node.Probe.ExpectMsg<Recovered>(r => r.Items.Count == 3000 && r.LastSequenceNr == 3000);
            node.Probe.ExpectMsg(new Pong(1));
            node.Probe.ExpectMsg(new Ack("x", 3001));
            node.Probe.ExpectMsg(new Pong(2));
        }
    }

    [Fact]
    public async Task With_one_recovery_slot_every_actor_still_recovers_one_after_another()
    {
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { MaxConcurrentRecoveries = 1 });
        await node.Persistence.Journal.WriteOneAsync(new AtomicWrite(new PersistentRepr("slot-0", 1, "test.evt.v1", """{"Data":"x"}"""u8.ToArray())));
        var other = new IotActors.TestKit.TestProbe(node.System);
        var stopped = node.System.ActorOf(Props.Create(() => new TestPersistentActor("slot-stopped", other.Ref)), "slot-stopped");
        node.System.Stop(stopped);
        for (var i = 0; i < 8; i++)
        {
            node.Spawn($"slot-{i}");
        }

        var recovered = node.Probe.ReceiveN(8, TimeSpan.FromSeconds(10)).OfType<Recovered>().ToList();
        recovered.Should().HaveCount(8);
        recovered.Count(r => r.Items.SequenceEqual(["x"])).Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_manifest_stops_the_actor_with_a_log_naming_the_persistence_id_and_sequence_number()
    {
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path);
        await node.Persistence.Journal.WriteOneAsync(new AtomicWrite([
            new PersistentRepr("broken-1", 1, "test.evt.v1", """{"Data":"ok"}"""u8.ToArray()),
            new PersistentRepr("broken-1", 2, "gone.v9", """{"Data":"?"}"""u8.ToArray()),
        ]));
        var actor = node.Spawn("broken-1");
        node.Probe.Watch(actor);
        node.Probe.ExpectTerminated(actor);
        var entry = node.Logs.Entries.Single(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Exception is RecoveryFailedException);
        entry.Message.Should().Contain("broken-1").And.Contain("sequence number 2");
        var cause = (RecoveryFailedException)entry.Exception!;
        cause.PersistenceId.Should().Be("broken-1");
        cause.SequenceNr.Should().Be(2);
        cause.InnerException.Should().BeOfType<UnknownManifestException>().Which.Manifest.Should().Be("gone.v9");
    }

    [Fact]
    public async Task A_recovery_handler_that_throws_stops_the_actor_naming_the_sequence_number()
    {
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path);
        await node.Persistence.Journal.WriteOneAsync(new AtomicWrite(new PersistentRepr("bad-json-1", 1, "test.evt.v1", "not json"u8.ToArray())));
        var actor = node.Spawn("bad-json-1");
        node.Probe.Watch(actor);
        node.Probe.ExpectTerminated(actor);
        node.Logs.Entries.Should().Contain(e => e.Exception is RecoveryFailedException && e.Message.Contains("bad-json-1") && e.Message.Contains("sequence number 1"));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_and_sequence_numbers_continue_after_them()
    {
        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("del-1");
            node.Probe.ExpectMsg<Recovered>();
            node.Probe.Send(actor, new CmdAll(["a", "b", "c"]));
            node.Probe.ReceiveN(3);
            node.Probe.Send(actor, new Delete(10));
            node.Probe.ExpectMsg<DeleteMessagesFailure>().ToSequenceNr.Should().Be(10);
            node.Probe.Send(actor, new Delete(3));
            node.Probe.ExpectMsg(new DeleteMessagesSuccess(3));
        }

        await using (var node = await PersistentNode.StartSqliteAsync(_dir.Path))
        {
            var actor = node.Spawn("del-1");
            node.Probe.ExpectMsg<Recovered>(r => r.Items.Count == 0 && r.LastSequenceNr == 3);
            node.Probe.Send(actor, new Cmd("d"));
            node.Probe.ExpectMsg(new Ack("d", 4));
        }
    }
}
