namespace IotActors.Persistence;

/// <summary>Queries over the journal for read sides and projections.</summary>
public interface IReadJournal
{
    /// <summary>Streams the events of one entity stored now, between the bounds inclusive, then completes.</summary>
    IAsyncEnumerable<PersistentRepr> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);

    /// <summary>Streams the events carrying <paramref name="tag"/> with an offset greater than <paramref name="offset"/> stored now, then completes.</summary>
    IAsyncEnumerable<TaggedEvent> CurrentEventsByTag(string tag, long offset, CancellationToken cancellationToken = default);

    /// <summary>Streams the events carrying <paramref name="tag"/> after <paramref name="offset"/>, then keeps following new ones until cancelled.</summary>
    /// <remarks>Ends by throwing <see cref="OperationCanceledException"/> when the token is cancelled.</remarks>
    IAsyncEnumerable<TaggedEvent> EventsByTag(string tag, long offset, CancellationToken cancellationToken);
}
