using IotActors.Actors;

namespace IotActors.Persistence.Tests.Actors;

/// <summary>A persistent list of strings that reports recovery and persistence outcomes to a probe.</summary>
public class TestPersistentActor : ReceivePersistentActor
{
    private readonly List<string> _items = [];
    private readonly IActorRef _probe;

    public TestPersistentActor(string persistenceId, IActorRef probe)
    {
        PersistenceId = persistenceId;
        _probe = probe;
        Recover<SnapshotOffer>(s =>
        {
            _items.Clear();
            _items.AddRange(((ListSnapshot)s.Snapshot).Items);
            _probe.Tell(new Offered(s.Metadata.SequenceNr, [.. _items]));
        });
        Recover<Evt>(e => _items.Add(e.Data));
        Recover<RecoveryCompleted>(_ => _probe.Tell(new Recovered([.. _items], LastSequenceNr)));
        Command<Cmd>(c => Persist(new Evt(c.Data), Applied));
        Command<CmdAll>(c => PersistAll(c.Data.Select(d => new Evt(d)), Applied));
        Command<CmdAsync>(c => PersistAsync(new Evt(c.Data), Applied));
        Command<CmdTagged>(c => Persist(new Tagged(new Evt(c.Data), c.Tags), t => Applied((Evt)t.Payload)));
        Command<CmdUnregistered>(c => Persist(new NotRegistered(c.Data), e => _items.Add(e.Data)));
        Command<Defer>(d => DeferAsync(d.Data, data => Sender.Tell(new Deferred(data))));
        Command<Ping>(p => Sender.Tell(new Pong(p.N)));
        Command<Snap>(_ => SaveSnapshot(new ListSnapshot([.. _items])));
        Command<Delete>(d => DeleteMessages(d.ToSequenceNr));
        Command<GetState>(_ => Sender.Tell(new State([.. _items], LastSequenceNr)));
        Command<SaveSnapshotSuccess>(_probe.Tell);
        Command<SaveSnapshotFailure>(_probe.Tell);
        Command<DeleteMessagesSuccess>(_probe.Tell);
        Command<DeleteMessagesFailure>(_probe.Tell);
    }

    public override string PersistenceId { get; }

    protected List<string> Items => _items;

    protected virtual void Applied(Evt e)
    {
        _items.Add(e.Data);
        Sender.Tell(new Ack(e.Data, LastSequenceNr));
    }

    protected override void OnPersistRejected(Exception cause, object evt, long sequenceNr)
    {
        _probe.Tell(new Rejected(cause, evt, sequenceNr));
        base.OnPersistRejected(cause, evt, sequenceNr);
    }

    protected override void OnPersistFailure(Exception cause, object evt, long sequenceNr)
    {
        _probe.Tell(new PersistFailed(cause, sequenceNr));
        base.OnPersistFailure(cause, evt, sequenceNr);
    }
}

/// <summary>Snapshots through the configured policy after every applied event.</summary>
public sealed class PolicyActor(string persistenceId, IActorRef probe) : TestPersistentActor(persistenceId, probe)
{
    protected override void Applied(Evt e)
    {
        base.Applied(e);
        SaveSnapshotIfDue(new ListSnapshot([.. Items]));
    }
}
