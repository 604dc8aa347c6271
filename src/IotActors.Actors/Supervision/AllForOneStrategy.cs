namespace IotActors.Actors;

/// <summary>Applies the directive (restart or stop) to all children when one fails.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy (see <see cref="SupervisorStrategy"/> for the parameters).</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive>? decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    /// <summary>Creates an unlimited-retry strategy with the given decider.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider) : this(-1, null, decider) { }

    internal override IEnumerable<LocalActorRef> Targets(LocalActorRef failedChild, List<LocalActorRef> allChildren) => allChildren;
}
