using IotActors.Actors;

namespace IotActors.Hosting;

/// <summary>Holds the actor system created when the host starts, so DI can hand it out afterwards.</summary>
internal sealed class ActorSystemHolder
{
    private ActorSystem? _system;

    public void Set(ActorSystem system) =>
        _system = Interlocked.CompareExchange(ref _system, system, null) is null ? system : throw new InvalidOperationException("the actor system was already started");

    public ActorSystem? TryGet() => Volatile.Read(ref _system);

    public ActorSystem Get() => TryGet() ?? throw new InvalidOperationException("the actor system is not started yet: resolve it after the host has started");
}
