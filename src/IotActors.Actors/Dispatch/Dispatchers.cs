namespace IotActors.Actors;

/// <summary>Looks up dispatchers by id.</summary>
internal sealed class Dispatchers(ActorSystemSettings settings)
{
    private readonly ThreadPoolDispatcher _default = new(Props.DefaultDispatcherId, settings.Throughput);
    private readonly PinnedDispatcher _pinned = new(Props.PinnedDispatcherId, settings.Throughput);

    public MessageDispatcher Lookup(string id) => id switch
    {
        Props.DefaultDispatcherId or "" => _default,
        Props.PinnedDispatcherId => _pinned,
        _ => throw new ConfigurationException($"Unknown dispatcher id '{id}'. Use '{Props.DefaultDispatcherId}' or '{Props.PinnedDispatcherId}'."),
    };
}
