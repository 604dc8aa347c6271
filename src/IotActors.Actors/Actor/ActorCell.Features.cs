using Microsoft.Extensions.Logging;

namespace IotActors.Actors;

internal sealed partial class ActorCell
{
    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var stack = Extras.Behaviors ??= new List<Receive>();
        if (stack.Count > 0) { stack[^1] = receive; } else { stack.Add(receive); }
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.Behaviors ??= new List<Receive>()).Add(receive);
    }

    public void UnbecomeStacked()
    {
        if (_extras?.Behaviors is { Count: > 0 } stack) { stack.RemoveAt(stack.Count - 1); }
    }

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(timeout), t, "Receive timeout must be positive, or null to disable it."); }
        if (timeout is null && _extras is null) { return; }
        var extras = Extras;
        CancelReceiveTimeout();
        extras.ReceiveTimeout = timeout;
        extras.ReceiveTimeoutGeneration++;
        extras.LastActivity = SystemImpl.TimeProvider.GetTimestamp();
        if (timeout is { } d) { ScheduleReceiveTimeoutCheck(d); }
    }

    // One timer per idle period: messages only record their timestamp; the check re-arms for the remaining time.
    private void ScheduleReceiveTimeoutCheck(TimeSpan delay)
    {
        var extras = _extras!;
        extras.ReceiveTimeoutTask = SystemImpl.Scheduler.ScheduleTellOnce(delay, SelfRef, new ReceiveTimeoutCheck(extras.ReceiveTimeoutGeneration), SelfRef);
    }

    private void HandleReceiveTimeoutCheck(ReceiveTimeoutCheck check)
    {
        if (_extras is not { ReceiveTimeout: { } timeout } extras || check.Generation != extras.ReceiveTimeoutGeneration) { return; }
        var time = SystemImpl.TimeProvider;
        var idle = time.GetElapsedTime(extras.LastActivity);
        if (idle >= timeout)
        {
            extras.LastActivity = time.GetTimestamp();
            ScheduleReceiveTimeoutCheck(timeout);
            ReceiveMessage(Actors.ReceiveTimeout.Instance);
        }
        else
        {
            ScheduleReceiveTimeoutCheck(timeout - idle);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_extras?.ReceiveTimeoutTask is { } task)
        {
            task.Cancel();
            _extras.ReceiveTimeoutTask = null;
            _extras.ReceiveTimeoutGeneration++;
        }
    }

    public ActorSelection ActorSelection(string path) => SystemImpl.SelectionFrom(SelfRef, path);

    internal ILogger GetLogger() => new ActorLogger(SystemImpl.LoggerFactory.CreateLogger(PropsValue.ActorType.FullName ?? PropsValue.ActorType.Name), SelfRef.Path.ToString());

    // ---- stash ----
    internal List<(object Message, IActorRef? Sender)> StashList => Extras.Stash ??= new List<(object, IActorRef?)>();

    internal object? CurrentMessage => _currentMessage;

    /// <summary>Number of the delivery being processed (actor thread only).</summary>
    internal long CurrentInvocation => _invocations;

    internal void PrependToMailbox(IEnumerable<(object, IActorRef?)> messages) => Mailbox.Prepend(messages);

    private void UnstashAllForRestart()
    {
        if (_extras?.Stash is { Count: > 0 } stash)
        {
            Mailbox.Prepend(stash.ToArray());
            stash.Clear();
        }
    }

    // ---- timers ----
    private void ReceiveTimer(TimerMessage timer)
    {
        if (_extras?.Timers is { } timers && timers.Accept(timer)) { ReceiveMessage(timer.Message); }
    }

    internal void MarkEventStreamSubscribed() => Extras.SubscribedToEventStream = true;

    // ---- async handlers ----
    internal void AwaitTask(Task task)
    {
        if (task.IsCompletedSuccessfully) { return; }
        if (task.IsFaulted || task.IsCanceled) { task.GetAwaiter().GetResult(); return; }
        Mailbox.Suspend();
        _awaitingTask = true;
        task.ContinueWith(
            static (t, state) => ((LocalActorRef)state!).SendSystemMessage(new AsyncHandlerCompleted(t)),
            SelfRef,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void HandleAsyncCompleted(Task task)
    {
        _awaitingTask = false;
        var message = _currentMessage;
        _currentMessage = null;
        _currentSender = null;
        Mailbox.Resume();
        if (!task.IsCompletedSuccessfully)
        {
            Exception error = task.Exception?.InnerException ?? new TaskCanceledException(task);
            HandleInvokeFailure(error, message);
        }
    }
}
