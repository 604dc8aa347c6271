using IotActors.Cluster.Discovery;
using IotActors.Cluster.FailureDetection;

namespace IotActors.Cluster;

/// <summary>Settings of cluster membership (HOCON section <c>iotactors.cluster</c>); every value has the documented default.</summary>
public sealed record ClusterSettings
{
    /// <summary>How often a node gossips to one peer.</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Chance of gossiping to a peer that has not seen our version yet.</summary>
    public double GossipDifferentViewProbability { get; init; } = 0.8;

    /// <summary>How often the leader moves members on and the downing strategy is evaluated.</summary>
    public TimeSpan LeaderActionsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rejoin as a new incarnation after this node was downed or removed, once it hears the cluster again.</summary>
    public bool AutoRejoin { get; init; } = true;

    /// <summary>Static seed nodes (<c>iot://system@host:port</c>); joins go to them until one answers.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>How often an unanswered join is retried.</summary>
    public TimeSpan JoinRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the first seed node waits for the other seeds before forming the cluster alone.</summary>
    public TimeSpan SeedNodeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeat period between ring neighbours.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the failure detector's verdict is checked.</summary>
    public TimeSpan UnreachableCheckInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Phi-accrual settings of the cluster failure detector.</summary>
    public PhiAccrualOptions FailureDetector { get; init; } = PhiAccrualOptions.Default;

    /// <summary>How many ring neighbours monitor each node.</summary>
    public int MonitoredBy { get; init; } = 5;

    /// <summary>Whether the keep-majority downing strategy runs (off: unreachable members stay until downed by hand).</summary>
    public bool DowningEnabled { get; init; } = true;

    /// <summary>How long the member/reachability picture must be unchanged before anyone is downed.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>How long a graceful leave waits to be Removed before the node stops anyway.</summary>
    public TimeSpan LeaveTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>UDP discovery; null turns it off.</summary>
    public DiscoverySettings? Discovery { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value that cannot work.</summary>
    public void Validate()
    {
        Positive(GossipInterval, nameof(GossipInterval));
        Positive(LeaderActionsInterval, nameof(LeaderActionsInterval));
        Positive(JoinRetryInterval, nameof(JoinRetryInterval));
        Positive(HeartbeatInterval, nameof(HeartbeatInterval));
        Positive(UnreachableCheckInterval, nameof(UnreachableCheckInterval));
        Positive(LeaveTimeout, nameof(LeaveTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(StableAfter, TimeSpan.Zero, nameof(StableAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(MonitoredBy, 1, nameof(MonitoredBy));
        if (GossipDifferentViewProbability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GossipDifferentViewProbability), GossipDifferentViewProbability, "A probability from 0 to 1.");
        }

        FailureDetector.Validate();
        Discovery?.Validate();
    }

    private static void Positive(TimeSpan value, string name) => ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
}
