namespace IotActors.Actors;

/// <summary>Decides how a parent handles the failure of a child.</summary>
public abstract class SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; -1 for unlimited, 0 to stop instead.</param>
    /// <param name="withinTimeRange">The window for counting restarts, or null for no window.</param>
    /// <param name="decider">Maps an exception to a directive; null uses <see cref="DefaultDecider"/>.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive>? decider, bool loggingEnabled)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNrOfRetries, -1);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        _decider = decider ?? DefaultDecider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed within the window (-1 unlimited).</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The restart-counting window.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>The Akka default: stop on ActorInitializationException, ActorKilledException and DeathPactException, restart otherwise.</summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with the default decider and unlimited restarts.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(-1, null, null);

    /// <summary>One-for-one that stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(-1, null, _ => Directive.Stop);

    /// <summary>Returns the directive for an exception.</summary>
    public Directive Decide(Exception exception) => _decider(exception);

    internal abstract IEnumerable<LocalActorRef> Targets(LocalActorRef failedChild, List<LocalActorRef> allChildren);
}
