namespace IotActors.Cluster.Tools.PubSub;

/// <summary>Settings of the pub-sub mediator (<c>iotactors.cluster.pub-sub</c>).</summary>
public sealed record DistributedPubSubSettings
{
    /// <summary>How often the mediator sends its table versions to one random reachable peer (anti-entropy).</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a change of this node's subscriptions is pushed to every reachable peer (only when there is one).</summary>
    public TimeSpan DeltaInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Seed of the random choices: remote targets of <see cref="Send"/> and gossip peers (null: a fresh seed).</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval is not between 10 ms and 1 minute.</exception>
    public void Validate()
    {
        if (GossipInterval < TimeSpan.FromMilliseconds(10) || GossipInterval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(GossipInterval), GossipInterval, "cluster.pub-sub.gossip-interval must be between 10ms and 1m.");
        }

        if (DeltaInterval < TimeSpan.FromMilliseconds(10) || DeltaInterval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(DeltaInterval), DeltaInterval, "cluster.pub-sub.delta-interval must be between 10ms and 1m.");
        }
    }
}
