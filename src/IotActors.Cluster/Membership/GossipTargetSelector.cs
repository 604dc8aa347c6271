namespace IotActors.Cluster.Membership;

/// <summary>Picks the peer to gossip with each interval: random, preferring peers that have not seen our version.</summary>
public static class GossipTargetSelector
{
    /// <summary>The default probability of choosing among peers with a different view when there are any.</summary>
    public const double DefaultPreferDifferentViewProbability = 0.8;

    /// <summary>
    /// Returns a reachable, non-Removed peer other than <paramref name="self"/>, or null when there is none.
    /// With probability <paramref name="preferDifferentView"/> the pick is among peers not in the seen-set (if any).
    /// </summary>
    public static UniqueAddress? Select(Gossip gossip, UniqueAddress self, Random random, double preferDifferentView = DefaultPreferDifferentViewProbability)
    {
        ArgumentNullException.ThrowIfNull(random);
        var peers = gossip.ActiveMembers
            .Where(m => !m.Address.Equals(self) && gossip.IsReachable(m.Address))
            .Select(m => m.Address)
            .ToList();
        if (peers.Count == 0)
        {
            return null;
        }

        var differing = peers.Where(p => !gossip.HasSeen(p)).ToList();
        var pool = differing.Count > 0 && random.NextDouble() < preferDifferentView ? differing : peers;
        return pool[random.Next(pool.Count)];
    }
}
