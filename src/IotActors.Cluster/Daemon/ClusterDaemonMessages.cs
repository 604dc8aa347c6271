using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Remote;

namespace IotActors.Cluster.Daemon;

/// <summary>Join the cluster through the node at <paramref name="Seed"/>.</summary>
internal sealed record JoinTo(NodeAddress Seed);

/// <summary>Form a new cluster with this node as its first member.</summary>
internal sealed record FormCluster
{
    public static readonly FormCluster Instance = new();
}

/// <summary>Leave the cluster gracefully.</summary>
internal sealed record LeaveSelf
{
    public static readonly LeaveSelf Instance = new();
}

/// <summary>Mark the member at <paramref name="Address"/> (any incarnation) Down.</summary>
internal sealed record DownMember(NodeAddress Address);

/// <summary>Send cluster events to <paramref name="Subscriber"/>, first a <see cref="CurrentClusterState"/> if asked.</summary>
internal sealed record SubscribeEvents(IActorRef Subscriber, bool InitialStateAsSnapshot);

/// <summary>Stop sending cluster events to <paramref name="Subscriber"/>.</summary>
internal sealed record UnsubscribeEvents(IActorRef Subscriber);

/// <summary>The failure detector changed its verdict about <paramref name="Subject"/>.</summary>
internal sealed record ReachabilityVerdict(UniqueAddress Subject, bool Reachable);

/// <summary>Discovery heard a member of a cluster: join it through <paramref name="Seed"/>.</summary>
internal sealed record DiscoveredCluster(UniqueAddress Seed, Guid ClusterId);

/// <summary>Gossip to one peer now.</summary>
internal sealed record GossipTick
{
    public static readonly GossipTick Instance = new();
}

/// <summary>An extra gossip round within the interval while fewer than half of the members have seen our version.</summary>
internal sealed record GossipSpeedupTick
{
    public static readonly GossipSpeedupTick Instance = new();
}

/// <summary>Run the leader's duties and the downing strategy now.</summary>
internal sealed record LeaderTick
{
    public static readonly LeaderTick Instance = new();
}

/// <summary>Retry joining (seeds, or the last discovered seed).</summary>
internal sealed record JoinRetryTick
{
    public static readonly JoinRetryTick Instance = new();
}

/// <summary>The first seed node has waited long enough for the others.</summary>
internal sealed record SeedNodeTimeout
{
    public static readonly SeedNodeTimeout Instance = new();
}

/// <summary>Complete the pending leave (after the final gossip had a moment to go out).</summary>
internal sealed record SignalLeftTick
{
    public static readonly SignalLeftTick Instance = new();
}
