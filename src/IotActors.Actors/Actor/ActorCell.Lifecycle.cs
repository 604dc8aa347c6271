namespace IotActors.Actors;

internal sealed partial class ActorCell
{
    private ActorBase NewActor()
    {
        var previous = Current;
        Current = this;
        ActorBase actor;
        try
        {
            if (_extras is not null) { _extras.Behaviors = null; }
            actor = PropsValue.NewActor()
                ?? throw new ActorInitializationException($"The Props factory of {SelfRef.Path} returned null.");
        }
        finally
        {
            Current = previous;
        }
        if (actor is ReceiveActor receiveActor) { receiveActor.SealInitial(); }
        if (actor is IWithStash withStash) { withStash.Stash = new StashImpl(this, PropsValue.StashCapacity ?? SystemImpl.Settings.DefaultStashCapacity); }
        if (actor is IWithTimers withTimers) { withTimers.Timers = Extras.Timers ??= new TimerScheduler(this); }
        return actor;
    }

    private void HandleCreate()
    {
        try
        {
            _actor = NewActor();
            _actor.AroundPreStart();
        }
        catch (Exception e) when (e is not ActorInitializationException)
        {
            throw new ActorInitializationException($"Actor {SelfRef.Path} ({PropsValue.ActorType.Name}) failed during creation: {e.Message}", e);
        }
    }

    private void HandleInvokeFailure(Exception cause, object? message)
    {
        if (_terminating || _terminated)
        {
            KernelLog.FailureWhileStopping(SystemImpl.KernelLogger, SelfRef.Path.ToString(), cause);
            return;
        }
        if (_isFailed) { return; }
        _isFailed = true;
        _failedMessage = message;
        Mailbox.Suspend();
        foreach (var child in SnapshotChildren()) { child.SendSystemMessage(SuspendActor.Instance); }
        ParentRef.SendSystemMessage(new Failed(SelfRef, cause, SelfRef.Path.Uid));
    }

    private void HandleSuspend()
    {
        Mailbox.Suspend();
        foreach (var child in SnapshotChildren()) { child.SendSystemMessage(SuspendActor.Instance); }
    }

    private void HandleResume()
    {
        if (_isFailed)
        {
            _isFailed = false;
            _failedMessage = null;
        }
        Mailbox.Resume();
        foreach (var child in SnapshotChildren()) { child.SendSystemMessage(ResumeActor.Instance); }
    }

    private void HandleRecreate(Exception cause)
    {
        if (_terminating || _terminated) { return; }
        var failed = _actor;
        if (failed is not null)
        {
            try { failed.AroundPreRestart(cause, _failedMessage); }
            catch (Exception e) { KernelLog.PreRestartFailed(SystemImpl.KernelLogger, SelfRef.Path.ToString(), e); }
        }
        _extras?.Timers?.CancelAll();
        CancelReceiveTimeout();
        if (_extras is not null) { _extras.ReceiveTimeout = null; }
        UnstashAllForRestart();
        _actor = null;
        if (HasDyingChildren()) { _pendingRecreate = cause; }
        else { FinishRecreate(cause); }
    }

    private void FinishRecreate(Exception cause)
    {
        _pendingRecreate = null;
        var wasFailed = _isFailed;
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (Exception e)
        {
            _isFailed = false;
            var error = e as ActorInitializationException
                ?? new ActorInitializationException($"Actor {SelfRef.Path} failed during restart: {e.Message}", e);
            HandleInvokeFailure(error, null);
            if (wasFailed) { Mailbox.Resume(); }
            return;
        }
        if (wasFailed)
        {
            _isFailed = false;
            _failedMessage = null;
            Mailbox.Resume();
            foreach (var child in SnapshotChildren()) { child.SendSystemMessage(ResumeActor.Instance); }
        }
    }

    private void HandleTerminate()
    {
        if (_terminating || _terminated) { return; }
        _terminating = true;
        _pendingRecreate = null;
        Mailbox.Suspend();
        var children = SnapshotChildren();
        if (children.Count == 0) { FinishTerminate(); return; }
        foreach (var child in children) { Stop(child); }
    }

    private void FinishTerminate()
    {
        if (_terminated) { return; }
        var actor = _actor;
        try { actor?.AroundPostStop(); }
        catch (Exception e) { KernelLog.PostStopFailed(SystemImpl.KernelLogger, SelfRef.Path.ToString(), e); }
        _extras?.Timers?.CancelAll();
        CancelReceiveTimeout();
        _terminated = true;
        var dead = SystemImpl.DeadLettersRef;
        if (_extras?.Stash is { Count: > 0 } stash)
        {
            foreach (var (m, s) in stash) { dead.Tell(new DeadLetter(m, s, SelfRef), s); }
            stash.Clear();
        }
        foreach (var (m, s) in Mailbox.Close()) { dead.Tell(new DeadLetter(m, s, SelfRef), s); }
        if (_extras is { SubscribedToEventStream: true }) { SystemImpl.EventStream.Unsubscribe(SelfRef); }
        var notifiedParent = false;
        if (_extras?.WatchedBy is { } watchers)
        {
            foreach (var w in watchers)
            {
                if (w.Equals(ParentRef)) { notifiedParent = true; }
                ActorRefBase.AsInternal(w).SendSystemMessage(new DeathWatchNotification(SelfRef, true, false));
            }
            watchers.Clear();
        }
        if (_extras?.Watching is { } watching)
        {
            foreach (var w in watching) { ActorRefBase.AsInternal(w).SendSystemMessage(new Unwatch(w, SelfRef)); }
            watching.Clear();
        }
        if (!notifiedParent) { ParentRef.SendSystemMessage(new DeathWatchNotification(SelfRef, true, false)); }
        _actor = null;
    }

    /// <summary>Called after a child was removed: completes a pending stop or restart.</summary>
    private void AfterChildRemoved()
    {
        if (_terminating)
        {
            if (!HasLiveOrDyingChildren()) { FinishTerminate(); }
        }
        else if (_pendingRecreate is { } cause && !HasDyingChildren())
        {
            FinishRecreate(cause);
        }
    }

    private void HandleChildFailed(Failed failed)
    {
        if (_terminating || !IsChild(failed.Child) || failed.Child.Path.Uid != failed.Uid) { return; }
        var strategy = PropsValue.SupervisorStrategy ?? _actor?.SupervisorStrategyInternal() ?? SupervisorStrategy.DefaultStrategy;
        var child = (LocalActorRef)failed.Child;
        var directive = strategy.Decide(failed.Cause);
        if (strategy.LoggingEnabled && directive != Directive.Resume)
        {
            KernelLog.ActorFailed(SystemImpl.KernelLogger, failed.Child.Path.ToString(), directive.ToString(), failed.Cause);
        }
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystemMessage(ResumeActor.Instance);
                break;
            case Directive.Restart:
                var stats = child.Cell.RestartStats ??= new ChildRestartStats();
                if (stats.RequestRestartPermission(strategy.MaxNrOfRetries, strategy.WithinTimeRange, SystemImpl.TimeProvider))
                {
                    foreach (var target in strategy.Targets(child, SnapshotChildren())) { target.SendSystemMessage(new Recreate(failed.Cause)); }
                }
                else
                {
                    foreach (var target in strategy.Targets(child, SnapshotChildren())) { Stop(target); }
                }
                break;
            case Directive.Stop:
                foreach (var target in strategy.Targets(child, SnapshotChildren())) { Stop(target); }
                break;
            default:
                HandleInvokeFailure(failed.Cause, null);
                break;
        }
    }
}
