namespace IotActors.Actors;

/// <summary>Children of a cell by name plus the ones being stopped; guarded by locking the container.</summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, LocalActorRef> _byName = new(StringComparer.Ordinal);

    public HashSet<LocalActorRef>? Dying;
    public long NameCounter;

    public int Count => _byName.Count;

    public bool HasDying => Dying is { Count: > 0 };

    public bool TryAdd(string name, LocalActorRef child) => _byName.TryAdd(name, child);

    public bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LocalActorRef? child) =>
        _byName.TryGetValue(name, out child);

    public bool Remove(string name) => _byName.Remove(name);

    public List<LocalActorRef> Snapshot() => new(_byName.Values);
}
