using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>Pure decision of a non-member node over the beacons it has heard.</summary>
public static class FormationDecision
{
    /// <summary>
    /// If any heard node is a member, join the cluster incarnation with the most member beacons (tie: the one
    /// holding the lowest address) through its lowest member. Otherwise only the lowest address among self and the
    /// heard nodes forms a cluster, and only once the picture has been stable (<paramref name="stable"/>); the others wait.
    /// </summary>
    public static FormationAction Decide(UniqueAddress self, IEnumerable<HeardNode> heard, bool stable)
    {
        var others = heard.Where(h => !h.Node.Equals(self)).ToList();
        var cluster = others
            .Where(h => h.IsMember)
            .GroupBy(h => h.ClusterIncarnation!.Value)
            .Select(g => (Id: g.Key, Count: g.Count(), Lowest: g.Select(h => h.Node).Min()!))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Lowest)
            .FirstOrDefault();
        if (cluster.Lowest is not null)
        {
            return new FormationAction(FormationKind.Join, cluster.Lowest, cluster.Id);
        }

        var selfIsLowest = others.All(h => self.CompareTo(h.Node) < 0);
        return selfIsLowest && stable ? FormationAction.Form : FormationAction.Wait;
    }
}
