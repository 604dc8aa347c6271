namespace IotActors.Cluster.Tools.Common;

/// <summary>Timer message: time to gossip with the peers.</summary>
internal sealed record GossipTick
{
    /// <summary>The single instance.</summary>
    public static readonly GossipTick Instance = new();
}
