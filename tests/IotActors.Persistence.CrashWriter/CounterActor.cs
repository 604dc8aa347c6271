using IotActors.Actors;

namespace IotActors.Persistence.CrashWriter;

/// <summary>An event of the crash counter: the next value of the entity's sequence 1, 2, 3, ...</summary>
public sealed record Incremented(long Value);

/// <summary>The crash counter's full state.</summary>
public sealed record CounterSnapshot(IReadOnlyList<long> Values);

/// <summary>Persists 1, 2, 3, ... one event at a time (each value derived from the recovered state), printing "ack pid value ." once each is durable.</summary>
public sealed class CounterActor(string persistenceId, TextWriter output) : ReceivePersistentActor
{
    private readonly List<long> _values = [];

    public override string PersistenceId { get; } = persistenceId;

    protected override void PreStart()
    {
        Recover<SnapshotOffer>(s =>
        {
            _values.Clear();
            _values.AddRange(((CounterSnapshot)s.Snapshot).Values);
        });
        Recover<Incremented>(e => _values.Add(e.Value));
        Recover<RecoveryCompleted>(_ => Self.Tell(Next.Instance));
        Command<Next>(_ => Persist(new Incremented(_values.Count + 1), e =>
        {
            _values.Add(e.Value);
            lock (output)
            {
                output.Write($"ack {PersistenceId} {e.Value} .\n");
                output.Flush();
            }

            SaveSnapshotIfDue(new CounterSnapshot([.. _values]));
            Self.Tell(Next.Instance);
        }));
    }

    private sealed record Next
    {
        public static Next Instance { get; } = new();
    }
}
