namespace IotActors.Actors;

/// <summary>Resolves paths to refs: local actors, temporary (ask) refs, dead letters, and remote refs via a registered <see cref="IRemoteRefFactory"/>.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ActorRefProvider
{
    private readonly ActorSystem _system;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ActorRefBase> _temp = new(StringComparer.Ordinal);
    private volatile IRemoteRefFactory? _remote;
    private volatile Address _address;
    private long _tempCounter;

    internal ActorRefProvider(ActorSystem system)
    {
        _system = system;
        LocalAddress = Address.Local(system.Name);
        _address = LocalAddress;
        RootPath = ActorPath.Root(LocalAddress);
        TempPath = RootPath.Child("temp");
    }

    /// <summary>The local address <c>iot://system</c> carried by local actor paths.</summary>
    public Address LocalAddress { get; }

    /// <summary>The address other nodes reach this system at (<c>iot://system@host:port</c> once remoting set it).</summary>
    public Address Address => _address;

    /// <summary>The root path of this system.</summary>
    public ActorPath RootPath { get; }

    internal ActorPath TempPath { get; }

    /// <summary>Sets the externally visible address; called once by remoting after it bound its port.</summary>
    public void SetAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!string.Equals(address.System, _system.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Address {address} names system '{address.System}' but this system is '{_system.Name}'.", nameof(address));
        }
        _address = address;
    }

    /// <summary>Registers the remote ref factory (remoting layer); replaces any previous one.</summary>
    public void RegisterRemote(IRemoteRefFactory factory) => _remote = factory ?? throw new ArgumentNullException(nameof(factory));

    /// <summary>True when <paramref name="address"/> designates this system.</summary>
    public bool IsLocalAddress(Address address) => address.Equals(LocalAddress) || address.Equals(_address);

    /// <summary>Resolves an absolute path string (<c>iot://...</c>) or a local path (<c>/user/a</c>) to a ref, or dead letters.</summary>
    public IActorRef ResolveActorRef(string path)
    {
        if (string.IsNullOrEmpty(path)) { return _system.DeadLetters; }
        if (path.StartsWith('/'))
        {
            return ActorPath.TryParse(LocalAddress + path, out var local) ? ResolveActorRef(local) : _system.DeadLetters;
        }
        return ActorPath.TryParse(path, out var parsed) ? ResolveActorRef(parsed) : _system.DeadLetters;
    }

    /// <summary>Resolves a path to a ref; unknown local actors or a stale uid give dead letters.</summary>
    public IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsLocalAddress(path.Address))
        {
            return _remote?.CreateRemoteRef(path) ?? (IActorRef)_system.DeadLetters;
        }
        var found = ResolveLocal(path.Elements);
        if (found is null || (path.Uid != 0 && found.Path.Uid != path.Uid)) { return _system.DeadLetters; }
        return found;
    }

    internal IActorRef? ResolveLocal(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0) { return _system.RootGuardian; }
        switch (elements[0])
        {
            case "deadLetters" when elements.Count == 1: return _system.DeadLetters;
            case "temp" when elements.Count == 2: return _temp.TryGetValue(elements[1], out var t) ? t : null;
        }
        IActorRef? current = _system.RootGuardian;
        foreach (var name in elements)
        {
            current = (current as LocalActorRef)?.GetChild(name);
            if (current is null) { return null; }
        }
        return current;
    }

    internal ActorPath RegisterTemp(Func<ActorPath, ActorRefBase> create)
    {
        var name = "$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = TempPath.ChildUnchecked(name, 0);
        _temp[name] = create(path);
        return path;
    }

    internal void UnregisterTemp(ActorPath path) => _temp.TryRemove(path.Name, out _);
}
