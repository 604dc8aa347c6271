namespace IotActors.Persistence.Internal;

/// <summary>A unit of work queued for a journal's single group-commit writer.</summary>
internal abstract class JournalOp
{
    public abstract int Size { get; }

    public abstract void Fail(Exception exception);
}

/// <summary>A batch of atomic writes from one caller.</summary>
internal sealed class WriteOp(IReadOnlyList<AtomicWrite> writes) : JournalOp
{
    public IReadOnlyList<AtomicWrite> Writes { get; } = writes;

    public WriteResult[] Results { get; } = new WriteResult[writes.Count];

    public TaskCompletionSource<IReadOnlyList<WriteResult>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    public void Complete() => Done.TrySetResult(Results);

    public override void Fail(Exception exception) => Done.TrySetException(exception);
}

/// <summary>A request to delete one entity's events up to a sequence number.</summary>
internal sealed class DeleteOp(string persistenceId, long toSequenceNr) : JournalOp
{
    public string PersistenceId { get; } = persistenceId;

    public long ToSequenceNr { get; } = toSequenceNr;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Size => 1;

    public void Complete() => Done.TrySetResult();

    public override void Fail(Exception exception) => Done.TrySetException(exception);
}
