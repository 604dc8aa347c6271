namespace IotActors.Persistence;

/// <summary>Offered to the recovery handler first when a snapshot was loaded; replay continues after its sequence number.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Sent to the recovery handler after the snapshot and all events were applied; commands flow afterwards.</summary>
public sealed record RecoveryCompleted
{
    /// <summary>The single instance.</summary>
    public static RecoveryCompleted Instance { get; } = new();
}

/// <summary>Reply to <c>SaveSnapshot</c>: the snapshot is stored durably.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Reply to <c>SaveSnapshot</c>: the snapshot was not stored.</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Reply to <c>DeleteMessages</c>: events up to and including the sequence number are deleted.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Reply to <c>DeleteMessages</c>: nothing was deleted.</summary>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);

/// <summary>Reply to <c>DeleteSnapshots</c>: the matching snapshots are deleted.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

/// <summary>Reply to <c>DeleteSnapshots</c>: the deletion failed.</summary>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);

/// <summary>Reply to <c>DeleteSnapshot</c>: the snapshot with that sequence number is deleted.</summary>
public sealed record DeleteSnapshotSuccess(long SequenceNr);

/// <summary>Reply to <c>DeleteSnapshot</c>: the deletion failed.</summary>
public sealed record DeleteSnapshotFailure(long SequenceNr, Exception Cause);
