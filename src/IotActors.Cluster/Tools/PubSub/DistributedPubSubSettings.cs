namespace IotActors.Cluster.Tools.PubSub;

/// <summary>Settings of the pub-sub mediator (<c>iotactors.cluster.pub-sub</c>).</summary>
public sealed record DistributedPubSubSettings
{
    /// <summary>How often the mediator sends its table versions to every reachable peer.</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Seed of the random choice among remote targets of <see cref="Send"/> (null: a fresh seed).</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The gossip interval is not between 10 ms and 1 minute.</exception>
    public void Validate()
    {
        if (GossipInterval < TimeSpan.FromMilliseconds(10) || GossipInterval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(GossipInterval), GossipInterval, "cluster.pub-sub.gossip-interval must be between 10ms and 1m.");
        }
    }
}
