namespace IotActors.Actors;

/// <summary>Applies the directive only to the failed child.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy (see <see cref="SupervisorStrategy"/> for the parameters).</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive>? decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    /// <summary>Creates an unlimited-retry strategy with the given decider.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider) : this(-1, null, decider) { }

    internal override IEnumerable<LocalActorRef> Targets(LocalActorRef failedChild, List<LocalActorRef> allChildren) => [failedChild];
}
