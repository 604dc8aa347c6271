namespace IotActors.Persistence.Internal;

/// <summary>Messages a persistent actor sends itself; <see cref="InstanceId"/> filters out replies meant for an earlier incarnation.</summary>
internal abstract record PersistentActorProtocol(int InstanceId);

internal sealed record StartRecovery(int InstanceId) : PersistentActorProtocol(InstanceId);

internal sealed record SnapshotLoaded(int InstanceId, SnapshotMetadata? Metadata, object? Snapshot, long HighestSequenceNr) : PersistentActorProtocol(InstanceId);

internal sealed record ReplayedEvents(int InstanceId, IReadOnlyList<PersistentRepr> Events, bool Done) : PersistentActorProtocol(InstanceId);

internal sealed record RecoveryAborted(int InstanceId, Exception Cause) : PersistentActorProtocol(InstanceId);

internal enum WriteStatus
{
    Written,
    Rejected,
    Failed,
}

/// <summary>The result for one pending invocation; the batch's last one has <see cref="EndOfBatch"/> set.</summary>
internal sealed record WriteOutcome(int InstanceId, WriteStatus Status, Exception? Cause, bool EndOfBatch = false) : PersistentActorProtocol(InstanceId);

internal sealed record SnapshotSaved(int InstanceId, SnapshotMetadata Metadata, Exception? Cause, bool FromPolicy) : PersistentActorProtocol(InstanceId);
