using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using IotActors.Actors;
using IotActors.Remote.Serialization;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote;

/// <summary>The remoting extension of an actor system: binds the transport, turns remote paths into refs and routes envelopes to local actors.</summary>
/// <remarks>
/// Thread-safe. Start it before creating actors that talk to other nodes: <c>await Remoting.StartAsync(system, setup)</c>;
/// afterwards <see cref="Get"/> returns it. Inbound envelopes are delivered on the link's read loop straight into mailboxes,
/// so per sender-receiver pair the order of messages is kept.
/// </remarks>
public sealed partial class Remoting : IRemoteRefFactory
{
    private const int CacheLimit = 16_384;
    private readonly ActorSystem _system;
    private readonly RemoteTransport _transport;
    private readonly MessageRegistry _registry;
    private readonly RemotingSetup _setup;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<NodeAddress, RemoteNode> _nodes = new();
    private readonly ConcurrentDictionary<NodeAddress, byte> _unreachable = new();
    private readonly ConcurrentDictionary<string, IActorRef> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WeakReference<IActorRef>> _exported = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<IActorRef, string> _wireForms = new();
    private readonly RemoteWatchTable _watches = new();
    private string _addressPrefix = "";
    private int _stopped;

    private Remoting(ActorSystem system, RemotingSetup setup)
    {
        if (!string.Equals(setup.Transport.SystemName, system.Name, StringComparison.Ordinal))
            throw new ArgumentException(
                $"Remoting settings name system '{setup.Transport.SystemName}' but the actor system is '{system.Name}'; they must match.", nameof(setup));
        _system = system;
        _setup = setup;
        _registry = setup.Registry;
        _logger = system.LoggerFactory.CreateLogger("IotActors.Remote");
        BuiltInMessages.RegisterInto(_registry, this);
        _transport = new RemoteTransport(setup.Transport, setup.Secret, setup.Certificate, _registry, setup.Policy, _logger,
            setup.Time ?? system.TimeProvider, setup.Random) { Remoting = this };
        _transport.EnvelopeReceived += OnEnvelope;
        _transport.PeerConnected += OnPeerConnected;
        _transport.PeerIncarnationChanged += OnIncarnationChanged;
        _transport.PeerUnreachable += OnUnreachable;
        _transport.PeerReachable += p => _unreachable.TryRemove(p.Peer.Address, out _);
        _transport.UserMessageDropped += OnUserMessageDropped;
    }

    /// <summary>The actor system this remoting serves.</summary>
    public ActorSystem System => _system;

    /// <summary>The underlying transport (metrics, peer identities).</summary>
    public RemoteTransport Transport => _transport;

    /// <summary>The registry of message types that may cross the wire.</summary>
    public MessageRegistry Registry => _registry;

    /// <summary>This node's address.</summary>
    public NodeAddress Address => _transport.LocalAddress;

    /// <summary>Counters of the remoting layer.</summary>
    public RemotingMetrics Metrics { get; } = new();

    /// <summary>Number of cross-node watches currently recorded (both directions).</summary>
    public int WatchCount => _watches.Count;

    /// <summary>Binds the transport, sets the system's address and registers remote refs; the transport stops when the system terminates.</summary>
    public static async Task<Remoting> StartAsync(ActorSystem system, RemotingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(setup);
        if (system.HasExtension<Remoting>())
            throw new InvalidOperationException($"Remoting is already started for actor system {system.Name}.");
        var remoting = system.RegisterExtension(s => new Remoting(s, setup));
        await remoting._transport.StartAsync().ConfigureAwait(false);
        var local = remoting._transport.LocalAddress;
        system.Provider.SetAddress(new Address(Actors.Address.DefaultProtocol, system.Name, local.Host, local.Port));
        remoting._addressPrefix = system.Address.ToString();
        system.Provider.RegisterRemote(remoting);
        system.RegisterOnTermination(() => remoting.StopAsync().AsTask());
        RemotingLog.Started(remoting._logger, system.Name, system.Address);
        return remoting;
    }

    /// <summary>The remoting of <paramref name="system"/>; throws when it was not started.</summary>
    public static Remoting Get(ActorSystem system) =>
        system.GetExtension<Remoting>()
        ?? throw new InvalidOperationException($"Remoting is not started for actor system {system.Name}; call Remoting.StartAsync (or builder.WithRemoting) first.");

    /// <summary>Waits briefly for death-watch notifications to reach peers, then closes every link.</summary>
    public async ValueTask StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        await _transport.FlushSystemMessagesAsync(_setup.ShutdownFlushTimeout).ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    ActorRefBase? IRemoteRefFactory.CreateRemoteRef(ActorPath path) => CreateRef(path);

    private RemoteActorRef? CreateRef(ActorPath path)
    {
        var a = path.Address;
        if (a.Host is null || a.Port is null || !string.Equals(a.Protocol, Actors.Address.DefaultProtocol, StringComparison.Ordinal)) return null;
        var address = new NodeAddress(a.System, a.Host, a.Port.Value);
        return new RemoteActorRef(this, path, NodeFor(address));
    }

    private RemoteNode NodeFor(NodeAddress address)
    {
        while (true)
        {
            var node = _nodes.GetOrAdd(address, static a => new RemoteNode(a));
            if (!node.IsQuarantined) return node;
            _nodes.TryUpdate(address, new RemoteNode(address), node);
        }
    }

    /// <summary>The form of <paramref name="actorRef"/> carried in messages: full path with this node's address and uid.</summary>
    internal string WireFormOf(IActorRef actorRef)
    {
        if (actorRef is RemoteActorRef remote) return remote.WireForm;
        if (_wireForms.TryGetValue(actorRef, out var cached)) return cached;
        var path = actorRef.Path;
        if (!_system.Provider.IsLocalAddress(path.Address)) return path.ToSerializationFormat();
        var wire = path.ToSerializationFormatWithAddress(_system.Address);
        // Refs the provider cannot find (probes, custom refs) are exported so replies to them can be routed.
        if (!actorRef.Equals(_system.Provider.ResolveActorRef(path))) _exported[LocalPart(wire)] = new WeakReference<IActorRef>(actorRef);
        _wireForms.AddOrUpdate(actorRef, wire);
        return wire;
    }

    /// <summary>Resolves a full wire path to a local ref, a remote ref or dead letters.</summary>
    internal IActorRef ResolveWireRef(string wire)
    {
        if (_resolved.TryGetValue(wire, out var cached)) return cached;
        if (wire.StartsWith(_addressPrefix, StringComparison.Ordinal) && wire.Length > _addressPrefix.Length && wire[_addressPrefix.Length] == '/')
            return ResolveRecipient(LocalPart(wire));
        if (!ActorPath.TryParse(wire, out var path)) return _system.DeadLetters;
        IActorRef resolved = _system.Provider.IsLocalAddress(path.Address)
            ? _system.Provider.ResolveActorRef(path)
            : CreateRef(path) ?? (IActorRef)_system.DeadLetters;
        if (resolved is RemoteActorRef) Remember(wire, resolved);
        return resolved;
    }

    /// <summary>Resolves a recipient path without address (<c>/user/a#uid</c>) to a local ref or dead letters.</summary>
    internal IActorRef ResolveRecipient(string localPath)
    {
        if (_resolved.TryGetValue(localPath, out var cached)) return cached;
        if (_exported.TryGetValue(localPath, out var weak))
        {
            if (weak.TryGetTarget(out var exported)) return exported;
            _exported.TryRemove(localPath, out _);
        }
        var resolved = _system.Provider.ResolveActorRef(localPath);
        // Only uid-qualified paths are cached: a path without uid must find the current incarnation every time.
        if (!ReferenceEquals(resolved, _system.DeadLetters) && localPath.Contains('#')) Remember(localPath, resolved);
        return resolved;
    }

    private void Remember(string key, IActorRef actorRef)
    {
        if (_resolved.Count >= CacheLimit) _resolved.Clear();
        _resolved[key] = actorRef;
    }

    private string LocalPart(string wire) => wire[_addressPrefix.Length..];
}
