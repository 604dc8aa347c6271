namespace IotActors.Persistence.Internal;

/// <summary>A unit of work queued for a journal's single group-commit writer.</summary>
internal abstract class JournalOp
{
    public abstract int Size { get; }

    /// <summary>Called after the batch holding this op committed.</summary>
    public abstract void Complete();

    /// <summary>Called when the batch holding this op failed.</summary>
    public abstract void Fail(Exception exception);
}

/// <summary>A batch of atomic writes from one caller.</summary>
/// <param name="writes">The writes, committed in one transaction with the rest of the batch.</param>
/// <param name="inlineContinuations">
/// Whether continuations of <see cref="Done"/> run on the writer itself: saves a thread-pool hop per commit, so only for
/// continuations that never block (a persistent actor's Tell to itself).
/// </param>
internal sealed class WriteOp(IReadOnlyList<AtomicWrite> writes, bool inlineContinuations = false) : JournalOp
{
    public IReadOnlyList<AtomicWrite> Writes { get; } = writes;

    public WriteResult[] Results { get; } = new WriteResult[writes.Count];

    public TaskCompletionSource<IReadOnlyList<WriteResult>> Done { get; } =
        new(inlineContinuations ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Size
    {
        get
        {
            var n = 0;
            foreach (var w in Writes)
            {
                n += w.Events.Count;
            }

            return n;
        }
    }

    public override void Complete() => Done.TrySetResult(Results);

    public override void Fail(Exception exception) => Done.TrySetException(exception);
}

/// <summary>A request to delete one entity's events up to a sequence number.</summary>
internal sealed class DeleteOp(string persistenceId, long toSequenceNr) : JournalOp
{
    public string PersistenceId { get; } = persistenceId;

    public long ToSequenceNr { get; } = toSequenceNr;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Size => 1;

    public override void Complete() => Done.TrySetResult();

    public override void Fail(Exception exception) => Done.TrySetException(exception);
}

/// <summary>
/// Completes once every op queued before it was committed or failed: a reader that must see all writes already handed to the
/// journal (recovery reading the highest sequence number after a restart mid-write) waits on it first.
/// </summary>
internal sealed class BarrierOp : JournalOp
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Size => 0;

    public override void Complete() => Done.TrySetResult();

    // A failed earlier write is that writer's error; the barrier only orders.
    public override void Fail(Exception exception) => Done.TrySetResult();
}
