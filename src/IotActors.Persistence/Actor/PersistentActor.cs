using IotActors.Actors;
using IotActors.Persistence.Internal;

namespace IotActors.Persistence;

/// <summary>An actor whose state is rebuilt from its persisted events (and latest snapshot) whenever it starts.</summary>
/// <remarks>
/// Lifecycle: on start the actor loads the latest snapshot (<see cref="SnapshotOffer"/>), replays later events
/// through <see cref="ReceiveRecover"/>, then gets <see cref="RecoveryCompleted"/>; commands that arrive meanwhile
/// wait in an internal stash and are processed afterwards, in order. Recovery and writes are asynchronous store
/// calls whose results come back as messages, so no thread is ever blocked. Overrides of <see cref="ActorBase"/>'s
/// PreRestart and PostStop must call the base method. Use <c>Become</c> of this class, not <c>Context.Become</c>.
/// </remarks>
public abstract partial class PersistentActor : ActorBase
{
    private static int s_nextInstanceId;
    private readonly int _instanceId = Interlocked.Increment(ref s_nextInstanceId);
    private readonly IStash _internalStash;
    private PersistenceExtension? _persistence;
    private Receive? _commandBehavior;
    private bool _recovering = true;
    private bool _stopping;

    /// <summary>Creates the actor and schedules its recovery as its first own message.</summary>
    protected PersistentActor()
    {
        _internalStash = CreateOwnedStash();
        Self.Tell(new StartRecovery(_instanceId), Self);
    }

    /// <summary>The unique, stable id of this entity's event stream.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The sequence number of the last event recovered or persisted (its handler has run), or 0.</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number of the latest snapshot recovered or saved, or 0.</summary>
    public long SnapshotSequenceNr { get; private set; }

    /// <summary>True until recovery has completed.</summary>
    public bool IsRecovering => _recovering;

    /// <summary>How this actor recovers; the latest snapshot and all later events by default.</summary>
    protected virtual Recovery Recovery => Recovery.Default;

    /// <summary>The persistence extension of this actor's system.</summary>
    protected PersistenceExtension Persistence => _persistence ??= PersistenceExtension.Get(Context.System);

    /// <summary>Handles recovery messages: <see cref="SnapshotOffer"/>, replayed events, then <see cref="RecoveryCompleted"/>.</summary>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles commands once recovery has completed; returns false if unhandled.</summary>
    protected abstract bool ReceiveCommand(object message);

    /// <summary>Replaces the command behavior (recovery handling is unchanged).</summary>
    protected new void Become(Receive receiveCommand)
    {
        ArgumentNullException.ThrowIfNull(receiveCommand);
        _commandBehavior = receiveCommand;
    }

    /// <summary>Tags to store with an event that is not wrapped in <see cref="Tagged"/>; none by default.</summary>
    protected virtual IReadOnlyList<string> TagsFor(object evt) => [];

    /// <summary>Called when the journal failed to store an event; the actor is stopped right after (restart it with a BackoffSupervisor).</summary>
    protected virtual void OnPersistFailure(Exception cause, object evt, long sequenceNr) =>
        ActorLog.PersistFailed(Log, cause, evt.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when an event was rejected (serialization error or refused by the store); the actor keeps running.</summary>
    protected virtual void OnPersistRejected(Exception cause, object evt, long sequenceNr) =>
        ActorLog.PersistRejected(Log, cause, evt.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when recovery failed; the actor is stopped right after. The cause is a <see cref="RecoveryFailedException"/> naming the sequence number.</summary>
    protected virtual void OnRecoveryFailure(Exception cause, object? evt) =>
        ActorLog.RecoveryFailed(Log, cause, PersistenceId, (cause as RecoveryFailedException)?.SequenceNr ?? LastSequenceNr);

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        if (message is PersistentActorProtocol protocol)
        {
            if (protocol.InstanceId == _instanceId && !_stopping)
            {
                HandleProtocol(protocol);
                FlushBatch();
            }

            return true;
        }

        if (MustStash)
        {
            _internalStash.Stash();
            return true;
        }

        var handled = DeliverCommand(message);
        FlushBatch();
        return handled;
    }

    /// <summary>Puts commands that waited for a write or recovery back in the mailbox, then runs the base behavior.</summary>
    protected override void PreRestart(Exception reason, object? message)
    {
        ReleaseResources();
        base.PreRestart(reason, message);
    }

    /// <summary>Releases the recovery cursor; commands still waiting go to dead letters.</summary>
    protected override void PostStop()
    {
        ReleaseResources();
        base.PostStop();
    }

    private bool MustStash => _recovering || _pendingStashingInvocations > 0;

    private bool DeliverCommand(object message) =>
        _commandBehavior is { } behavior ? behavior(message) : ReceiveCommand(message);

    private void HandleProtocol(PersistentActorProtocol protocol)
    {
        switch (protocol)
        {
            case StartRecovery:
                BeginRecovery();
                break;
            case SnapshotLoaded loaded:
                OnSnapshotLoaded(loaded);
                break;
            case ReplayedEvents replayed:
                OnReplayed(replayed);
                break;
            case RecoveryAborted aborted:
                FailRecovery(aborted.Cause, null);
                break;
            case WriteOutcome outcome:
                OnWriteOutcome(outcome);
                break;
            case SnapshotSaved saved:
                OnSnapshotSaved(saved);
                break;
        }
    }

    private void StopSelf()
    {
        _stopping = true;
        Context.Stop(Self);
    }

    private void ReleaseResources()
    {
        _replayCancel?.Cancel();
        _recoveryPermit?.Release();
        _internalStash.UnstashAll();
    }
}
