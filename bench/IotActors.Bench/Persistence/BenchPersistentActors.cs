using System.Diagnostics;
using IotActors.Actors;
using IotActors.Persistence;

namespace IotActors.Bench;

/// <summary>A bench event; the manifest registry maps it to "bench.event.v1".</summary>
internal sealed record BenchEvent(long N, string Device);

/// <summary>Persists events one after another (each Persist waits for the previous handler) until the deadline, then reports its count.</summary>
internal sealed class SequentialPersister : ReceivePersistentActor
{
    private readonly TaskCompletionSource<long> _done;
    private long _count;

    public SequentialPersister(string persistenceId, Stopwatch clock, TimeSpan until, TaskCompletionSource<long> done)
    {
        PersistenceId = persistenceId;
        _done = done;
        Recover<RecoveryCompleted>(_ => Next(clock, until, done));
    }

    public override string PersistenceId { get; }

    protected override void OnPersistFailure(Exception cause, object evt, long sequenceNr) => _done.TrySetException(cause);

    protected override void OnPersistRejected(Exception cause, object evt, long sequenceNr) => _done.TrySetException(cause);

    protected override void OnRecoveryFailure(Exception cause, object? evt) => _done.TrySetException(cause);

    private void Next(Stopwatch clock, TimeSpan until, TaskCompletionSource<long> done)
    {
        if (clock.Elapsed >= until)
        {
            done.TrySetResult(_count);
            return;
        }

        Persist(new BenchEvent(_count + 1, "sensor-livingroom-temperature"), _ =>
        {
            _count++;
            Next(clock, until, done);
        });
    }
}

/// <summary>Recovers and reports how many events it replayed.</summary>
internal sealed class RecoveringActor : ReceivePersistentActor
{
    private long _count;
    private long _sum;

    private readonly TaskCompletionSource<long> _done;

    public RecoveringActor(string persistenceId, TaskCompletionSource<long> done)
    {
        PersistenceId = persistenceId;
        _done = done;
        Recover<BenchEvent>(e =>
        {
            _count++;
            _sum += e.N;
        });
        Recover<RecoveryCompleted>(_ => done.TrySetResult(_sum > 0 ? _count : 0));
    }

    public override string PersistenceId { get; }

    protected override void OnRecoveryFailure(Exception cause, object? evt) => _done.TrySetException(cause);
}
