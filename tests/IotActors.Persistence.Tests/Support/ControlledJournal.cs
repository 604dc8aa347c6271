namespace IotActors.Persistence.Tests.Support;

/// <summary>Wraps a journal so tests can hold writes at a gate, fail them as a whole, or reject them one by one.</summary>
internal sealed class ControlledJournal(IJournal inner) : IJournal
{
    private TaskCompletionSource _gate = Open();

    public volatile bool FailWrites;

    public volatile bool RejectWrites;

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        await _gate.Task.ConfigureAwait(false);
        if (FailWrites)
        {
            throw new JournalWriteFailedException("controlled", new IOException("simulated disk failure"));
        }

        if (RejectWrites)
        {
            return [.. writes.Select(w => new WriteResult(new SequenceNumberConflictException(w.PersistenceId, w.LowestSequenceNr, w.HighestSequenceNr)))];
        }

        return await inner.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static TaskCompletionSource Open()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }
}

/// <summary>A snapshot store whose saves fail.</summary>
internal sealed class FailingSnapshotStore(ISnapshotStore inner) : ISnapshotStore
{
    public Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default) =>
        Task.FromException(new IOException("simulated snapshot disk failure"));

    public Task<Snapshot?> LoadLatestAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default) =>
        inner.LoadLatestAsync(persistenceId, criteria, cancellationToken);

    public Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(persistenceId, sequenceNr, cancellationToken);

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(persistenceId, criteria, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
