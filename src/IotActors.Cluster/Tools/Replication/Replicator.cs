using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Replication;
using IotActors.Cluster.Tools.Common;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.Replication;

/// <summary>The per-node replicator of the site state (<c>/system/replicator</c>): an <see cref="LwwMap"/> kept equal on every node by gossip.</summary>
/// <remarks>
/// Writes take version (Lamport clock + 1, this node's incarnation key), so ties are deterministic and wall-clock skew plays no
/// part. This node's own writes are pushed to every reachable peer at most once per delta interval. Every gossip interval the
/// replicator also sends its version vector and digest to one random reachable peer (anti-entropy); the peer answers with the
/// entries above that vector (in clock-ordered chunks) and with its own vector when it lacks entries, and with its whole map
/// when the vectors match but the digests do not. A node that joins, rejoins or becomes reachable again is sent a status at
/// once, which pulls what it lacks. Entries of removed nodes are marked, never dropped.
/// </remarks>
internal sealed partial class Replicator : ReceiveActor, IWithTimers
{
    private readonly ReplicatedStateSettings _settings;
    private readonly bool _subscribeToCluster;
    private readonly Func<string> _selfKey;
    private readonly PeerSet _peers;
    private readonly ReplicaFileStore? _store;
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _toPush = new(StringComparer.Ordinal);
    private readonly Random _random = new();
    private readonly Dictionary<string, IActorRef> _peerRefs = new(StringComparer.Ordinal);
    private LwwMap _map = LwwMap.Empty;
    private string? _digest;
    private bool _dirty;

    public Replicator(ReplicatedStateSettings settings, string selfAddress, Func<string> selfKey, bool subscribeToCluster)
    {
        _settings = settings;
        _selfKey = selfKey;
        _subscribeToCluster = subscribeToCluster;
        _peers = new PeerSet(selfAddress);
        _store = settings.StoreFile is { Length: > 0 } file ? new ReplicaFileStore(file) : null;
        Receive<Update>(OnUpdate);
        Receive<Get>(g => Sender.Tell(new GetResult(g.Key, _map.TryGet(g.Key, out var e) ? e : null), Self));
        Receive<GetAll>(_ => Sender.Tell(new AllEntries(_map.Entries, _map.Clock, Digest), Self));
        Receive<SubscribeChanges>(OnSubscribe);
        Receive<UnsubscribeChanges>(u =>
        {
            _subscribers.Remove(u.Subscriber);
            Context.Unwatch(u.Subscriber);
        });
        Receive<Terminated>(t => _subscribers.Remove(t.ActorRef));
        Receive<GossipTick>(_ => GossipWithRandomPeer());
        Receive<DeltaTick>(_ => PushOwnWrites());
        Receive<NotifyTick>(_ => Notify());
        Receive<PersistTick>(_ => Persist());
        Receive<ReplicaStatus>(OnStatus);
        Receive<ReplicaDelta>(OnDelta);
        Receive<PeerConnected>(OnLinkUp);
        Receive<CurrentClusterState>(OnClusterEvent);
        Receive<ClusterEvent>(OnClusterEvent);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private string Digest => _digest ??= LwwMapWire.Digest(_map);

    /// <summary>Props for the replicator.</summary>
    public static Props Props(ReplicatedStateSettings settings, string selfAddress, Func<string> selfKey, bool subscribeToCluster) =>
        Actors.Props.Create(() => new Replicator(settings, selfAddress, selfKey, subscribeToCluster));

    /// <inheritdoc />
    protected override void PreStart()
    {
        LoadStore();
        Timers.StartPeriodicTimer("gossip", GossipTick.Instance, _settings.GossipInterval);
        Timers.StartPeriodicTimer("delta", DeltaTick.Instance, _settings.DeltaInterval);
        Timers.StartPeriodicTimer("notify", NotifyTick.Instance, _settings.NotifyInterval);
        if (_store is not null)
        {
            Timers.StartPeriodicTimer("persist", PersistTick.Instance, _settings.PersistInterval);
        }

        if (_subscribeToCluster)
        {
            Cluster.Get(Context.System).Subscribe(Self);
        }

        Context.System.EventStream.Subscribe<PeerConnected>(Self);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        Persist();
        if (_subscribeToCluster && Context.System.GetExtension<Cluster>() is { } cluster)
        {
            cluster.Unsubscribe(Self);
        }
    }

    private void OnUpdate(Update u)
    {
        try
        {
            ArgumentException.ThrowIfNullOrEmpty(u.Key, nameof(u.Key));
            ArgumentNullException.ThrowIfNull(u.ValueJson, nameof(u.ValueJson));
            var size = Encoding.UTF8.GetByteCount(u.ValueJson);
            if (size > _settings.MaxValueBytes)
            {
                throw new ArgumentException(
                    $"The value for key '{u.Key}' is {size} bytes; replicated values may be at most {_settings.MaxValueBytes} bytes (cluster.replicated-state.max-value-size).",
                    nameof(u.ValueJson));
            }

            SetMap(_map.Update(_selfKey(), u.Key, u.ValueJson), [u.Key]);
            _toPush.Add(u.Key);
            Sender.Tell(new UpdateAck(u.Key, _map.Entries[u.Key].Version), Self);
        }
        catch (ArgumentException e)
        {
            Sender.Tell(new Status.Failure(e), Self);
        }
    }

    private void OnSubscribe(SubscribeChanges s)
    {
        if (_subscribers.Add(s.Subscriber))
        {
            Context.Watch(s.Subscriber);
        }

        s.Subscriber.Tell(new StateChanged(_map.Entries), Self);
    }

    private void Notify()
    {
        if (_changed.Count == 0)
        {
            return;
        }

        if (_subscribers.Count > 0)
        {
            var batch = new StateChanged(_changed
                .Where(k => _map.Entries.ContainsKey(k))
                .ToImmutableSortedDictionary(k => k, k => _map.Entries[k], StringComparer.Ordinal));
            foreach (var subscriber in _subscribers)
            {
                subscriber.Tell(batch, Self);
            }
        }

        _changed.Clear();
    }

    private void SetMap(LwwMap next, IEnumerable<string> changedKeys)
    {
        _map = next;
        _digest = null;
        _dirty = true;
        _changed.UnionWith(changedKeys);
    }

    private void LoadStore()
    {
        if (_store is null)
        {
            return;
        }

        try
        {
            if (_store.Load() is { } loaded)
            {
                _map = loaded;
                ClusterToolsLog.Loaded(Log, loaded.Entries.Count, _store.Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            ClusterToolsLog.StoreFailed(Log, "load", _store.Path, e.Message);
        }
    }

    private void Persist()
    {
        if (_store is null || !_dirty)
        {
            return;
        }

        try
        {
            _store.Save(_map);
            _dirty = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ClusterToolsLog.StoreFailed(Log, "save", _store.Path, e.Message);
        }
    }
}
