namespace IotActors.Actors;

/// <summary>A temporary ref under <c>/temp</c> completing a task with the first reply (used by Ask and GracefulStop).</summary>
internal sealed class PromiseActorRef<T> : ActorRefBase
{
    private readonly ActorSystem _system;
    private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<object, (bool Handled, T Value, Exception? Error)> _map;
    private ActorPath _path = null!;
    private ITimer? _timer;
    private Func<Exception>? _onTimeout;

    public PromiseActorRef(ActorSystem system, Func<object, (bool, T, Exception?)> map)
    {
        _system = system;
        _map = map;
        system.Provider.RegisterTemp(p => { _path = p; return this; });
    }

    public Task<T> Task => _tcs.Task;

    public override ActorPath Path => _path;

    public override ActorSystem? System => _system;

    public void StartTimeout(TimeSpan timeout, Func<Exception> onTimeout)
    {
        _onTimeout = onTimeout;
        _timer = _system.TimeProvider.CreateTimer(static s => ((PromiseActorRef<T>)s!).TimedOut(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    private void TimedOut()
    {
        var error = _onTimeout!();
        if (error is TimeoutResult<T> r) { Complete(r.Value, null); }
        else { Complete(default!, error); }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        var (handled, value, error) = _map(message);
        if (handled) { Complete(value, error); }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification n) { Tell(n, n.Actor); }
    }

    private void Complete(T value, Exception? error)
    {
        var done = error is null ? _tcs.TrySetResult(value) : _tcs.TrySetException(error);
        if (done)
        {
            _timer?.Dispose();
            _system.Provider.UnregisterTemp(_path);
        }
    }
}

/// <summary>Lets a timeout complete a promise with a value instead of an exception.</summary>
internal sealed class TimeoutResult<T>(T value) : Exception
{
    public T Value { get; } = value;
}
