using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Tools.Common;
using IotActors.Remote.Serialization;

namespace IotActors.Cluster.Tools.PubSub;

/// <summary>The per-node pub-sub mediator (<c>/system/pubsub</c>): local subscribers, the gossiped topic table, publish fan-out.</summary>
/// <remarks>
/// Topic keys are <c>t:topic</c> and <see cref="Put"/> keys are <c>p:/user/path</c> in the bucket of this node. A publish
/// goes to local subscribers directly and once to the mediator of every reachable node whose bucket lists the topic,
/// which fans it out locally. Stopped subscribers are removed through DeathWatch.
/// </remarks>
internal sealed class DistributedPubSubMediator : BucketGossipActor
{
    private const string TopicPrefix = "t:";
    private const string PathPrefix = "p:";
    private readonly Dictionary<string, HashSet<IActorRef>> _local = new(StringComparer.Ordinal);
    private readonly MessageRegistry? _registry;
    private readonly Dictionary<Type, bool> _wireable = [];
    private readonly Random _random;

    public DistributedPubSubMediator(DistributedPubSubSettings settings, string selfAddress, bool subscribeToCluster, MessageRegistry? registry)
        : this(settings, selfAddress, subscribeToCluster, registry, settings.RandomSeed is { } seed ? new Random(seed) : new Random())
    {
    }

    private DistributedPubSubMediator(DistributedPubSubSettings settings, string selfAddress, bool subscribeToCluster, MessageRegistry? registry, Random random)
        : base("pub-sub", selfAddress, settings.GossipInterval, settings.DeltaInterval, subscribeToCluster, random)
    {
        _registry = registry;
        _random = random;
        Receive<Subscribe>(OnSubscribe);
        Receive<Unsubscribe>(OnUnsubscribe);
        Receive<Put>(p => AddLocal(PathPrefix + p.Ref.Path.ToStringWithoutAddress(), p.Ref));
        Receive<Remove>(r => RemoveLocal(PathPrefix + r.Path, null));
        Receive<Publish>(OnPublish);
        Receive<Send>(OnSend);
        Receive<PubSubDeliver>(OnDeliver);
        Receive<GetTopicNodes>(OnGetTopicNodes);
        Receive<Terminated>(t => RemoveEverywhere(t.ActorRef));
    }

    /// <summary>Props for the mediator.</summary>
    public static Props Props(DistributedPubSubSettings settings, string selfAddress, bool subscribeToCluster, MessageRegistry? registry) =>
        Actors.Props.Create(() => new DistributedPubSubMediator(settings, selfAddress, subscribeToCluster, registry));

    /// <inheritdoc />
    protected override void OnKeysChanged(IReadOnlyCollection<string> keys)
    {
    }

    private void OnSubscribe(Subscribe s)
    {
        ArgumentException.ThrowIfNullOrEmpty(s.Topic);
        AddLocal(TopicPrefix + s.Topic, s.Ref);
        s.Ref.Tell(new SubscribeAck(s), Self);
    }

    private void OnUnsubscribe(Unsubscribe u)
    {
        RemoveLocal(TopicPrefix + u.Topic, u.Ref);
        u.Ref.Tell(new UnsubscribeAck(u), Self);
    }

    private void OnPublish(Publish p)
    {
        var key = TopicPrefix + p.Topic;
        DeliverLocal(key, p.Message);
        var remote = Table.Lookup(key, owner => owner != Table.Self && Peers.IsReachable(owner)).ToList();
        if (remote.Count == 0)
        {
            return;
        }

        if (!IsWireable(p.Message))
        {
            ClusterToolsLog.UnregisteredPublish(Log, p.Message.GetType().FullName ?? p.Message.GetType().Name, p.Topic);
            return;
        }

        var deliver = new PubSubDeliver(p.Topic, p.Message);
        foreach (var (owner, _) in remote)
        {
            PeerActor(owner).Tell(deliver, Sender);
        }
    }

    private void OnSend(Send s)
    {
        var key = PathPrefix + s.Path;
        if (s.LocalAffinity && _local.TryGetValue(key, out var local) && local.Count > 0)
        {
            local.First().Tell(s.Message, Sender);
            return;
        }

        var candidates = Table.Lookup(key, Peers.IsReachable).SelectMany(o => o.Values).OrderBy(r => r.Path.ToString(), StringComparer.Ordinal).ToList();
        var target = candidates.Count == 0 ? Context.System.DeadLetters : candidates[_random.Next(candidates.Count)];
        target.Tell(s.Message, Sender);
    }

    private void OnDeliver(PubSubDeliver d)
    {
        var origin = d.Origin?.ToString() ?? "local";
        if (d.Message is UndeliverablePayload u)
        {
            ClusterToolsLog.InboundDropped(Log, d.Topic, origin, u.Reason);
            return;
        }

        if (d.Origin is { } from && d.InnerManifest is { } manifest && _registry is not null && !_registry.Policy.IsAllowed(manifest, from.Roles))
        {
            ClusterToolsLog.InboundDropped(Log, d.Topic, origin, $"roles [{string.Join(",", from.Roles)}] may not send '{manifest}'");
            return;
        }

        DeliverLocal(TopicPrefix + d.Topic, d.Message);
    }

    private void OnGetTopicNodes(GetTopicNodes g)
    {
        var key = TopicPrefix + g.Topic;
        var nodes = Table.Lookup(key, IsKnown).Select(o => o.Owner).Order(StringComparer.Ordinal).ToList();
        Sender.Tell(new TopicNodes(g.Topic, nodes, _local.TryGetValue(key, out var set) ? set.Count : 0), Self);
    }

    private void DeliverLocal(string key, object message)
    {
        if (_local.TryGetValue(key, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Tell(message, Sender);
            }
        }
    }

    private void AddLocal(string key, IActorRef actor)
    {
        if (!_local.TryGetValue(key, out var set))
        {
            _local[key] = set = [];
        }

        if (set.Add(actor))
        {
            Context.Watch(actor);
            PublishOwnBucket();
        }
    }

    private void RemoveLocal(string key, IActorRef? actor)
    {
        if (!_local.TryGetValue(key, out var set))
        {
            return;
        }

        var removed = actor is null ? set.ToList() : set.Contains(actor) ? [actor] : [];
        foreach (var r in removed)
        {
            set.Remove(r);
            if (!_local.Values.Any(s => s.Contains(r)))
            {
                Context.Unwatch(r);
            }
        }

        if (set.Count == 0)
        {
            _local.Remove(key);
        }

        if (removed.Count > 0)
        {
            PublishOwnBucket();
        }
    }

    private void RemoveEverywhere(IActorRef actor)
    {
        var changed = false;
        foreach (var (key, set) in _local.ToList())
        {
            if (set.Remove(actor))
            {
                changed = true;
                if (set.Count == 0)
                {
                    _local.Remove(key);
                }
            }
        }

        if (changed)
        {
            PublishOwnBucket();
        }
    }

    private void PublishOwnBucket() => SetOwnContent(_local.ToImmutableSortedDictionary(
        kv => kv.Key,
        kv => kv.Value.OrderBy(r => r.Path.ToString(), StringComparer.Ordinal).ToImmutableArray(),
        StringComparer.Ordinal));

    private bool IsWireable(object message)
    {
        if (_registry is null)
        {
            return false;
        }

        var type = message.GetType();
        if (!_wireable.TryGetValue(type, out var ok))
        {
            try
            {
                _registry.Serialize(message);
                ok = true;
            }
            catch (UnregisteredMessageTypeException)
            {
                ok = false;
            }

            _wireable[type] = ok;
        }

        return ok;
    }
}
