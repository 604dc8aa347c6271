using System.Collections.Concurrent;
using IotActors.Actors;

namespace IotActors.Hosting;

/// <summary>Hands actor refs created at start-up to the rest of the application through DI, by key type or by name.</summary>
public sealed class ActorRegistry
{
    private readonly ConcurrentDictionary<string, IActorRef> _refs = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="actor"/> under the key type <typeparamref name="TKey"/>; a key is registered once.</summary>
    public void Register<TKey>(IActorRef actor) => Register(typeof(TKey).FullName!, actor);

    /// <summary>Registers <paramref name="actor"/> under a name; a name is registered once.</summary>
    public void Register(string name, IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!_refs.TryAdd(name, actor))
        {
            throw new InvalidOperationException($"an actor is already registered as '{name}'");
        }
    }

    /// <summary>The actor registered under <typeparamref name="TKey"/>.</summary>
    public IActorRef Get<TKey>() => Get(typeof(TKey).FullName!);

    /// <summary>The actor registered under <paramref name="name"/>.</summary>
    public IActorRef Get(string name) =>
        _refs.TryGetValue(name, out var actor) ? actor : throw new KeyNotFoundException($"no actor is registered as '{name}'");

    /// <summary>The actor registered under <typeparamref name="TKey"/>, if any.</summary>
    public bool TryGet<TKey>(out IActorRef? actor) => _refs.TryGetValue(typeof(TKey).FullName!, out actor);

    /// <summary>The actor registered under <paramref name="name"/>, if any.</summary>
    public bool TryGet(string name, out IActorRef? actor) => _refs.TryGetValue(name, out actor);
}
