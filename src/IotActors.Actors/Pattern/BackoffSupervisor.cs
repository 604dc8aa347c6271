namespace IotActors.Actors;

/// <summary>Supervises one child and restarts it after exponentially growing delays; other messages are forwarded to the child.</summary>
public sealed class BackoffSupervisor : ActorBase, IWithTimers
{
    private sealed record StartChild(int Generation);
    private sealed record ResetRestartCount(int Generation);

    private readonly BackoffOptions _options;
    private readonly Random _random;
    private IActorRef? _child;
    private int _restartCount;
    private int _generation;
    private bool _childFailed;

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Props of a backoff supervisor for the given options.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based): min(max, min * 2^n) * (1 + random * randomFactor).</summary>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, Random random)
    {
        var exponent = Math.Min(restartCount, 30);
        var baseTicks = Math.Min((double)maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, exponent));
        var jitter = 1.0 + random.NextDouble() * randomFactor;
        return TimeSpan.FromTicks((long)Math.Min(baseTicks * jitter, TimeSpan.MaxValue.Ticks / 2.0));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart() => Spawn();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, null, _ =>
    {
        _childFailed = true;
        return Directive.Stop;
    });

    private void Spawn()
    {
        _generation++;
        _childFailed = false;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        Timers.StartSingleTimer("reset", new ResetRestartCount(_generation), _options.ResetBackoffAfter);
    }

    /// <inheritdoc />
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated t when t.ActorRef.Equals(_child):
                _child = null;
                Timers.Cancel("reset");
                if (_options.RestartOnFailureOnly && !_childFailed) { Context.Stop(Self); return true; }
                var delay = CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, _random);
                _restartCount++;
                Timers.StartSingleTimer("start", new StartChild(_generation), delay);
                return true;
            case StartChild s when s.Generation == _generation && _child is null:
                Spawn();
                return true;
            case ResetRestartCount r when r.Generation == _generation && _child is not null:
                _restartCount = 0;
                return true;
            case StartChild or ResetRestartCount:
                return true;
            case GetBackoffCurrentChild:
                Sender.Tell(new BackoffCurrentChild(_child, _restartCount), Self);
                return true;
            default:
                (_child ?? Context.System.DeadLetters).Tell(message, Sender);
                return true;
        }
    }
}
