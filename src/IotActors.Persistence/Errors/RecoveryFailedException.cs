namespace IotActors.Persistence;

/// <summary>Raised when a persistent actor cannot recover: its snapshot or an event cannot be loaded, decoded or applied.</summary>
public sealed class RecoveryFailedException : PersistenceException
{
    /// <summary>Creates the exception naming the entity, the sequence number and the cause.</summary>
    public RecoveryFailedException(string persistenceId, long sequenceNr, string what, Exception innerException)
        : base($"Recovery of persistence id '{persistenceId}' failed at sequence number {sequenceNr} ({what}): {innerException.Message}", innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The entity that failed to recover.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number of the failing event or snapshot (0 when nothing was read yet).</summary>
    public long SequenceNr { get; }
}
