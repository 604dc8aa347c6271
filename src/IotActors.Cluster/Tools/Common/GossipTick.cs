namespace IotActors.Cluster.Tools.Common;

/// <summary>Timer message: time for anti-entropy gossip with one random peer.</summary>
internal sealed record GossipTick
{
    /// <summary>The single instance.</summary>
    public static readonly GossipTick Instance = new();
}

/// <summary>Timer message: time to push this node's own changes to every reachable peer (when there are any).</summary>
internal sealed record DeltaTick
{
    /// <summary>The single instance.</summary>
    public static readonly DeltaTick Instance = new();
}
