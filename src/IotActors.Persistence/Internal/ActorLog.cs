using Microsoft.Extensions.Logging;

namespace IotActors.Persistence.Internal;

internal static partial class ActorLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Persisting {EventType} with sequence number {SequenceNr} of persistence id {PersistenceId} failed; the actor stops")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string eventType, long sequenceNr, string persistenceId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Persisting {EventType} with sequence number {SequenceNr} of persistence id {PersistenceId} was rejected; the actor continues")]
    public static partial void PersistRejected(ILogger logger, Exception exception, string eventType, long sequenceNr, string persistenceId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Recovery of persistence id {PersistenceId} failed at sequence number {SequenceNr}; the actor stops")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Snapshot cleanup of persistence id {PersistenceId} after sequence number {SequenceNr} failed")]
    public static partial void SnapshotCleanupFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Saving the scheduled snapshot of persistence id {PersistenceId} at sequence number {SequenceNr} failed")]
    public static partial void PolicySnapshotFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr);
}
