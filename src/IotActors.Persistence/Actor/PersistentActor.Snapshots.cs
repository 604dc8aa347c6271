using IotActors.Actors;
using IotActors.Persistence.Internal;

namespace IotActors.Persistence;

public abstract partial class PersistentActor
{
    private long _policySnapshotInFlight;

    /// <summary>The snapshot rules <see cref="SaveSnapshotIfDue"/> follows; the extension's configured ones by default.</summary>
    protected virtual SnapshotPolicy SnapshotPolicy => Persistence.SnapshotPolicy;

    /// <summary>Stores <paramref name="snapshot"/> as the state at <see cref="LastSequenceNr"/>; replies with <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.</summary>
    /// <remarks>The snapshot is serialized at once, so the state may change right after the call.</remarks>
    protected void SaveSnapshot(object snapshot) => SaveSnapshotCore(snapshot, fromPolicy: false);

    /// <summary>Saves a snapshot when the snapshot policy says one is due (every N events); returns true if one was started.</summary>
    /// <remarks>
    /// Call it from event handlers after applying the event. Once such a snapshot is stored, older snapshots (and,
    /// when configured, events no kept snapshot needs) are deleted; its success is not delivered as a command,
    /// a failure is logged.
    /// </remarks>
    protected bool SaveSnapshotIfDue(object state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var last = Math.Max(SnapshotSequenceNr, _policySnapshotInFlight);
        if (!SnapshotPolicy.ShouldSnapshot(last, LastSequenceNr))
        {
            return false;
        }

        _policySnapshotInFlight = LastSequenceNr;
        SaveSnapshotCore(state, fromPolicy: true);
        return true;
    }

    /// <summary>Deletes this entity's events up to and including <paramref name="toSequenceNr"/> (long.MaxValue: all); replies with <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.</summary>
    protected void DeleteMessages(long toSequenceNr)
    {
        var to = toSequenceNr == long.MaxValue ? LastSequenceNr : toSequenceNr;
        var self = Self;
        if (to > LastSequenceNr || to < 0)
        {
            var error = new ArgumentOutOfRangeException(nameof(toSequenceNr), toSequenceNr, $"DeleteMessages of {PersistenceId} must name a sequence number from 0 to the last one, {LastSequenceNr}.");
            self.Tell(new DeleteMessagesFailure(error, toSequenceNr), self);
            return;
        }

        Reply(Persistence.Journal.DeleteMessagesToAsync(PersistenceId, to), self, () => new DeleteMessagesSuccess(to), ex => new DeleteMessagesFailure(ex, to));
    }

    /// <summary>Deletes this entity's snapshots matching <paramref name="criteria"/>; replies with <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        Reply(Persistence.SnapshotStore.DeleteAsync(PersistenceId, criteria), Self, () => new DeleteSnapshotsSuccess(criteria), ex => new DeleteSnapshotsFailure(criteria, ex));
    }

    /// <summary>Deletes this entity's snapshot with exactly <paramref name="sequenceNr"/>; replies with <see cref="DeleteSnapshotSuccess"/> or <see cref="DeleteSnapshotFailure"/>.</summary>
    protected void DeleteSnapshot(long sequenceNr) =>
        Reply(Persistence.SnapshotStore.DeleteAsync(PersistenceId, sequenceNr), Self, () => new DeleteSnapshotSuccess(sequenceNr), ex => new DeleteSnapshotFailure(sequenceNr, ex));

    private void SaveSnapshotCore(object snapshot, bool fromPolicy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, Context.System.TimeProvider.GetUtcNow());
        Task task;
        try
        {
            var (manifest, payload) = Persistence.Serializer.Serialize(snapshot);
            task = Persistence.SnapshotStore.SaveAsync(new Snapshot(metadata, manifest, payload));
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        var self = Self;
        var id = _instanceId;
        task.ContinueWith(
            t => self.Tell(new SnapshotSaved(id, metadata, t.IsCompletedSuccessfully ? null : Unwrap(t), fromPolicy), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnSnapshotSaved(SnapshotSaved saved)
    {
        if (saved.FromPolicy)
        {
            OnPolicySnapshotSaved(saved);
            return;
        }

        if (MustStash)
        {
            _internalStash.Stash();
            return;
        }

        if (saved.Cause is null)
        {
            SnapshotSequenceNr = Math.Max(SnapshotSequenceNr, saved.Metadata.SequenceNr);
            DeliverCommand(new SaveSnapshotSuccess(saved.Metadata));
        }
        else
        {
            DeliverCommand(new SaveSnapshotFailure(saved.Metadata, saved.Cause));
        }
    }

    private void OnPolicySnapshotSaved(SnapshotSaved saved)
    {
        var seq = saved.Metadata.SequenceNr;
        if (_policySnapshotInFlight == seq)
        {
            _policySnapshotInFlight = 0;
        }

        if (saved.Cause is not null)
        {
            ActorLog.PolicySnapshotFailed(Log, saved.Cause, PersistenceId, seq);
            return;
        }

        SnapshotSequenceNr = Math.Max(SnapshotSequenceNr, seq);
        var cleanup = SnapshotPolicy.AfterSnapshotSaved(seq);
        var log = Log;
        var pid = PersistenceId;
        if (cleanup.DeleteSnapshots is { } criteria)
        {
            LogFailure(Persistence.SnapshotStore.DeleteAsync(pid, criteria), log, pid, seq);
        }

        if (cleanup.DeleteEventsToSequenceNr is { } to)
        {
            LogFailure(Persistence.Journal.DeleteMessagesToAsync(pid, to), log, pid, seq);
        }
    }

    private static void LogFailure(Task task, Microsoft.Extensions.Logging.ILogger log, string pid, long seq) =>
        task.ContinueWith(
            t => ActorLog.SnapshotCleanupFailed(log, Unwrap(t), pid, seq),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.NotOnRanToCompletion,
            TaskScheduler.Default);

    private static void Reply(Task task, IActorRef self, Func<object> success, Func<Exception, object> failure) =>
        task.ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? success() : failure(Unwrap(t)), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
