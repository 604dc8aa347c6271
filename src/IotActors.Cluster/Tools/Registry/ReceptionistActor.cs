using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Tools.Common;

namespace IotActors.Cluster.Tools.Registry;

/// <summary>The per-node registry (<c>/system/receptionist</c>): local registrations in this node's bucket, pushed to every node and gossiped.</summary>
/// <remarks>
/// Listings hold the services of this node and of reachable nodes; services of an unreachable node drop out and come back
/// when it is reachable again, and those of a removed node are pruned. A stopped service is deregistered through DeathWatch.
/// </remarks>
internal sealed class ReceptionistActor : BucketGossipActor
{
    private readonly Dictionary<string, HashSet<IActorRef>> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<IActorRef, ServiceKey>> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<IActorRef>> _lastListing = new(StringComparer.Ordinal);

    public ReceptionistActor(TimeSpan gossipInterval, TimeSpan deltaInterval, string selfAddress, bool subscribeToCluster)
        : base("registry", selfAddress, gossipInterval, deltaInterval, subscribeToCluster, new Random())
    {
        Receive<Register>(OnRegister);
        Receive<Deregister>(OnDeregister);
        Receive<Find>(f => (f.ReplyTo ?? Sender).Tell(new Listing(f.Key, ListingOf(f.Key.Id)), Self));
        Receive<SubscribeService>(OnSubscribe);
        Receive<UnsubscribeService>(u =>
        {
            if (_subscribers.TryGetValue(u.Key.Id, out var subs))
            {
                subs.Remove(u.Subscriber);
            }
        });
        Receive<Terminated>(t => OnTerminated(t.ActorRef));
    }

    /// <summary>Props for the registry.</summary>
    public static Props Props(TimeSpan gossipInterval, TimeSpan deltaInterval, string selfAddress, bool subscribeToCluster) =>
        Actors.Props.Create(() => new ReceptionistActor(gossipInterval, deltaInterval, selfAddress, subscribeToCluster));

    /// <inheritdoc />
    protected override void OnKeysChanged(IReadOnlyCollection<string> keys)
    {
        foreach (var id in keys)
        {
            if (!_subscribers.TryGetValue(id, out var subs) || subs.Count == 0)
            {
                continue;
            }

            var listing = ListingOf(id);
            if (_lastListing.TryGetValue(id, out var last) && last.SequenceEqual(listing))
            {
                continue;
            }

            _lastListing[id] = listing;
            foreach (var (subscriber, key) in subs)
            {
                subscriber.Tell(new Listing(key, listing), Self);
            }
        }
    }

    private void OnRegister(Register r)
    {
        ArgumentException.ThrowIfNullOrEmpty(r.Key.Id);
        if (!_local.TryGetValue(r.Key.Id, out var set))
        {
            _local[r.Key.Id] = set = [];
        }

        if (set.Add(r.Service))
        {
            Context.Watch(r.Service);
            PublishOwnBucket();
        }

        r.ReplyTo?.Tell(new Registered(r.Key, r.Service), Self);
    }

    private void OnDeregister(Deregister d)
    {
        if (_local.TryGetValue(d.Key.Id, out var set) && set.Remove(d.Service))
        {
            if (set.Count == 0)
            {
                _local.Remove(d.Key.Id);
            }

            if (!_local.Values.Any(s => s.Contains(d.Service)) && !IsSubscriber(d.Service))
            {
                Context.Unwatch(d.Service);
            }

            PublishOwnBucket();
        }

        d.ReplyTo?.Tell(new Deregistered(d.Key, d.Service), Self);
    }

    private void OnSubscribe(SubscribeService s)
    {
        if (!_subscribers.TryGetValue(s.Key.Id, out var subs))
        {
            _subscribers[s.Key.Id] = subs = [];
        }

        subs[s.Subscriber] = s.Key;
        Context.Watch(s.Subscriber);
        var listing = ListingOf(s.Key.Id);
        _lastListing[s.Key.Id] = listing;
        s.Subscriber.Tell(new Listing(s.Key, listing), Self);
    }

    private void OnTerminated(IActorRef actor)
    {
        foreach (var subs in _subscribers.Values)
        {
            subs.Remove(actor);
        }

        var changed = false;
        foreach (var (id, set) in _local.ToList())
        {
            if (set.Remove(actor))
            {
                changed = true;
                if (set.Count == 0)
                {
                    _local.Remove(id);
                }
            }
        }

        if (changed)
        {
            PublishOwnBucket();
        }
    }

    private bool IsSubscriber(IActorRef actor) => _subscribers.Values.Any(s => s.ContainsKey(actor));

    private ImmutableArray<IActorRef> ListingOf(string id) =>
        [.. Table.Lookup(id, Peers.IsReachable).SelectMany(o => o.Values).Distinct().OrderBy(r => r.Path.ToString(), StringComparer.Ordinal)];

    private void PublishOwnBucket() => SetOwnContent(_local.ToImmutableSortedDictionary(
        kv => kv.Key,
        kv => kv.Value.OrderBy(r => r.Path.ToString(), StringComparer.Ordinal).ToImmutableArray(),
        StringComparer.Ordinal));
}
