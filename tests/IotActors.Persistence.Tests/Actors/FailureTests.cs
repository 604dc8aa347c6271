using IotActors.Actors;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Actors;

public sealed class FailureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_journal_write_failure_calls_OnPersistFailure_and_stops_the_actor_without_running_the_handler()
    {
        ControlledJournal? journal = null;
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { Journal = journal = new ControlledJournal(s.Journal) });
        var actor = node.Spawn("fail-1");
        node.Probe.ExpectMsg<Recovered>();
        node.Probe.Watch(actor);
        journal!.FailWrites = true;
        node.Probe.Send(actor, new Cmd("a"));
        var failed = node.Probe.ExpectMsg<PersistFailed>();
        failed.SequenceNr.Should().Be(1);
        failed.Cause.Should().BeOfType<JournalWriteFailedException>();
        node.Probe.ExpectTerminated(actor);
    }

    [Fact]
    public async Task A_stopped_actor_under_a_backoff_supervisor_is_restarted_and_recovers()
    {
        ControlledJournal? journal = null;
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { Journal = journal = new ControlledJournal(s.Journal) });
        var childProps = Props.Create(() => new TestPersistentActor("backoff-1", node.Probe.Ref));
        var supervisor = node.System.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnStop(childProps, "child", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), 0)), "sup");
        node.Probe.ExpectMsg<Recovered>();
        node.Probe.Send(supervisor, new Cmd("a"));
        node.Probe.ExpectMsg(new Ack("a", 1));
        journal!.FailWrites = true;
        node.Probe.Send(supervisor, new Cmd("b"));
        node.Probe.ExpectMsg<PersistFailed>();
        journal.FailWrites = false;
        node.Probe.ExpectMsg<Recovered>(r => r.Items.SequenceEqual(["a"]) && r.LastSequenceNr == 1, TimeSpan.FromSeconds(5));
        node.Probe.Send(supervisor, new Cmd("c"));
        node.Probe.ExpectMsg(new Ack("c", 2));
    }

    [Fact]
    public async Task An_unserializable_event_is_rejected_and_the_actor_keeps_processing_commands()
    {
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path);
        var actor = node.Spawn("reject-1");
        node.Probe.ExpectMsg<Recovered>();
        node.Probe.Send(actor, new CmdUnregistered("x"));
        var rejected = node.Probe.ExpectMsg<Rejected>();
        rejected.Cause.Should().BeOfType<UnregisteredTypeException>();
        rejected.Event.Should().Be(new NotRegistered("x"));
        node.Probe.Send(actor, new Cmd("a"));
        node.Probe.ExpectMsg<Ack>(a => a.Data == "a");
        node.Probe.Send(actor, new GetState());
        node.Probe.ExpectMsg<State>().Items.Should().Equal("a");
    }

    [Fact]
    public async Task An_event_rejected_by_the_store_calls_OnPersistRejected_and_the_actor_continues()
    {
        ControlledJournal? journal = null;
        await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with { Journal = journal = new ControlledJournal(s.Journal) });
        var actor = node.Spawn("reject-2");
        node.Probe.ExpectMsg<Recovered>();
        journal!.RejectWrites = true;
        node.Probe.Send(actor, new Cmd("a"));
        node.Probe.ExpectMsg<Rejected>().Cause.Should().BeOfType<SequenceNumberConflictException>();
        journal.RejectWrites = false;
        node.Probe.Send(actor, new Cmd("b"));
        node.Probe.ExpectMsg(new Ack("b", 2));
    }
}
