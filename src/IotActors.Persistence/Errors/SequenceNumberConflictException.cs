namespace IotActors.Persistence;

/// <summary>The rejection of a write whose (persistence id, sequence number) is already stored.</summary>
public sealed class SequenceNumberConflictException : PersistenceException
{
    /// <summary>Creates the rejection for the conflicting write.</summary>
    public SequenceNumberConflictException(string persistenceId, long fromSequenceNr, long toSequenceNr)
        : base($"Events {fromSequenceNr}..{toSequenceNr} of '{persistenceId}' overlap events already stored; nothing of this write was stored. Another writer is probably active for the same persistence id.")
    {
        PersistenceId = persistenceId;
        FromSequenceNr = fromSequenceNr;
        ToSequenceNr = toSequenceNr;
    }

    /// <summary>The entity whose write was rejected.</summary>
    public string PersistenceId { get; }

    /// <summary>The first sequence number of the rejected write.</summary>
    public long FromSequenceNr { get; }

    /// <summary>The last sequence number of the rejected write.</summary>
    public long ToSequenceNr { get; }
}
