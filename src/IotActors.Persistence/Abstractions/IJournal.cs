namespace IotActors.Persistence;

/// <summary>An append-only store of events, ordered per persistence id.</summary>
/// <remarks>
/// All members are thread-safe. Writes submitted one after another (each awaited or not) are committed in
/// submission order; a write's task completes only after its transaction is durable.
/// </remarks>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Stores the writes, each atomically, and returns one result per write in the same order.</summary>
    /// <remarks>
    /// A write whose (persistence id, sequence number) already exists is rejected with a
    /// <see cref="SequenceNumberConflictException"/>; the others still succeed. A failed task
    /// (<see cref="JournalWriteFailedException"/>) means nothing of the batch was stored.
    /// </remarks>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>Streams the stored events of one entity with <paramref name="fromSequenceNr"/> &lt;= seq &lt;= <paramref name="toSequenceNr"/>, ascending, at most <paramref name="max"/>.</summary>
    IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default);

    /// <summary>Returns the highest sequence number ever stored for the entity (kept after deletes), or 0.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entity's events up to and including <paramref name="toSequenceNr"/>; the highest sequence number is kept.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
