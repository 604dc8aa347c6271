using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Membership;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Tools.Common;

/// <summary>Base of the pub-sub mediator and the registry: keeps the per-node buckets and gossips them with the peers.</summary>
/// <remarks>
/// Changes of this node's own bucket are pushed to every reachable peer's actor at the same path (at most once per delta
/// interval). Every gossip interval the actor also sends its bucket versions to one random reachable peer (anti-entropy); the
/// peer answers with the buckets it holds newer (delta) and, when it is itself behind, with its own versions. A peer that
/// joins or becomes reachable again gets the versions at once. Buckets of removed nodes are dropped and never taken back from gossip. Membership comes from cluster events: subscribed in
/// PreStart when the cluster runs, otherwise fed as messages (tests, single node).
/// </remarks>
internal abstract class BucketGossipActor : ReceiveActor, IWithTimers
{
    private readonly TimeSpan _gossipInterval;
    private readonly TimeSpan _deltaInterval;
    private readonly Random _random;
    private readonly bool _subscribeToCluster;
    private readonly string _toolName;
    private readonly Dictionary<string, IActorRef> _peerRefs = new(StringComparer.Ordinal);

    /// <summary>Sets up the table for the node at <paramref name="selfAddress"/>.</summary>
    protected BucketGossipActor(string toolName, string selfAddress, TimeSpan gossipInterval, TimeSpan deltaInterval, bool subscribeToCluster, Random random)
    {
        _toolName = toolName;
        _gossipInterval = gossipInterval;
        _deltaInterval = deltaInterval;
        _random = random;
        _subscribeToCluster = subscribeToCluster;
        Peers = new PeerSet(selfAddress);
        Table = new BucketTable<IActorRef>(selfAddress);
        Receive<GossipTick>(_ => GossipWithRandomPeer());
        Receive<DeltaTick>(_ => PushOwnBucket());
        Receive<BucketStatus>(OnStatus);
        Receive<BucketDelta>(OnDelta);
        Receive<CurrentClusterState>(OnClusterEvent);
        Receive<ClusterEvent>(OnClusterEvent);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The peers from cluster events.</summary>
    protected PeerSet Peers { get; }

    /// <summary>The buckets, own included.</summary>
    protected BucketTable<IActorRef> Table { get; }

    /// <summary>Whether the own bucket changed since it was last pushed to the peers.</summary>
    private bool OwnChanged { get; set; }

    /// <summary>Called with the keys whose values changed (own change, merged gossip, removed node, reachability).</summary>
    protected abstract void OnKeysChanged(IReadOnlyCollection<string> keys);

    /// <summary>Replaces the own bucket's content and reports the changed keys.</summary>
    protected void SetOwnContent(ImmutableSortedDictionary<string, ImmutableArray<IActorRef>> content)
    {
        var changed = Table.SetOwn(content, Context.System.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        if (changed.Count > 0)
        {
            OwnChanged = true;
            OnKeysChanged(changed);
        }
    }

    /// <summary>The actor at this actor's path on the node at <paramref name="address"/>.</summary>
    protected IActorRef PeerActor(string address)
    {
        if (!_peerRefs.TryGetValue(address, out var peer))
        {
            peer = Context.System.ResolveActorRef(address + Self.Path.ToStringWithoutAddress());
            _peerRefs[address] = peer;
        }

        return peer;
    }

    /// <summary>Whether buckets of <paramref name="owner"/> are kept (this node or a current peer).</summary>
    protected bool IsKnown(string owner) => Peers.IsKnown(owner);

    /// <inheritdoc />
    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("gossip", GossipTick.Instance, _gossipInterval);
        Timers.StartPeriodicTimer("delta", DeltaTick.Instance, _deltaInterval);
        if (_subscribeToCluster)
        {
            Cluster.Get(Context.System).Subscribe(Self);
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (_subscribeToCluster && Context.System.GetExtension<Cluster>() is { } cluster)
        {
            cluster.Unsubscribe(Self);
        }
    }

    private void GossipWithRandomPeer()
    {
        var peers = Peers.Reachable;
        if (peers.Count > 0)
        {
            PeerActor(peers[_random.Next(peers.Count)]).Tell(new BucketStatus(Table.Versions(), false), Self);
        }
    }

    private void PushOwnBucket()
    {
        if (!OwnChanged)
        {
            return;
        }

        OwnChanged = false;
        var delta = new BucketDelta([ToWire(Table.Own)]);
        foreach (var peer in Peers.Reachable)
        {
            PeerActor(peer).Tell(delta, Self);
        }
    }

    private void OnStatus(BucketStatus status)
    {
        var delta = Table.DeltaFor(status.Versions, IsKnown);
        if (delta.Count > 0)
        {
            Sender.Tell(new BucketDelta([.. delta.Select(ToWire)]), Self);
        }

        if (!status.IsReply && Table.IsBehind(status.Versions, IsKnown))
        {
            Sender.Tell(new BucketStatus(Table.Versions(), true), Self);
        }
    }

    private void OnDelta(BucketDelta delta)
    {
        var buckets = delta.Buckets.Select(FromWire).ToList();
        if (delta.Origin is { } origin && buckets.Any(b => b.Owner != origin.Address.ToString() && !IsKnown(b.Owner)))
        {
            ClusterToolsLog.GossipIgnored(Log, _toolName, "buckets of unknown nodes", origin.ToString(), "not members here (yet)");
        }

        var changed = Table.Merge(buckets, IsKnown);
        if (changed.Count > 0)
        {
            OnKeysChanged(changed);
        }
    }

    private void OnClusterEvent(object e)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var change in Peers.Apply(e))
        {
            var address = change.Peer.Address;
            switch (change.Kind)
            {
                case PeerChangeKind.Added:
                    _peerRefs.Remove(address);
                    PeerActor(address).Tell(new BucketStatus(Table.Versions(), false), Self);
                    break;
                case PeerChangeKind.Removed:
                    var keys = Table.Remove(address);
                    _peerRefs.Remove(address);
                    ClusterToolsLog.Pruned(Log, _toolName, address, keys.Count);
                    changed.UnionWith(keys);
                    break;
                case PeerChangeKind.Reachability:
                    if (Table.Get(address) is { } bucket)
                    {
                        changed.UnionWith(bucket.Content.Keys);
                    }

                    if (Peers.IsReachable(address))
                    {
                        PeerActor(address).Tell(new BucketStatus(Table.Versions(), false), Self);
                    }

                    break;
            }
        }

        if (changed.Count > 0)
        {
            OnKeysChanged(changed);
        }
    }

    private static WireBucket ToWire(Bucket<IActorRef> b) =>
        new(b.Owner, b.Version, b.Content.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));

    private static Bucket<IActorRef> FromWire(WireBucket b) => new(
        b.Owner,
        b.Version,
        (b.Content ?? []).ToImmutableSortedDictionary(kv => kv.Key, kv => (kv.Value ?? []).ToImmutableArray(), StringComparer.Ordinal));
}
