namespace IotActors.Cluster.Membership;

/// <summary>The leader's periodic duties as a pure function over a gossip.</summary>
public static class LeaderActions
{
    /// <summary>
    /// If <paramref name="self"/> is the leader: Leaving -> Exiting always; at convergence, reachable Joining -> Up
    /// (with increasing up-numbers), Exiting -> Removed and Down -> Removed. Returns the gossip unchanged when
    /// nothing moved, or a new version seen only by <paramref name="self"/>.
    /// </summary>
    public static Gossip Perform(Gossip gossip, UniqueAddress self)
    {
        if (!self.Equals(gossip.Leader()))
        {
            return gossip;
        }

        var convergence = gossip.HasConvergence();
        var nextUp = gossip.Members.Values.Select(m => m.UpNumber).DefaultIfEmpty(0).Max() + 1;
        var result = gossip;
        var changed = false;
        foreach (var member in gossip.Members.Values)
        {
            Member? moved = member.Status switch
            {
                MemberStatus.Leaving => member.WithStatus(MemberStatus.Exiting),
                MemberStatus.Joining when convergence && gossip.IsReachable(member.Address) => member.MoveUp(nextUp++),
                MemberStatus.Exiting when convergence => member.WithStatus(MemberStatus.Removed),
                MemberStatus.Down when convergence => member.WithStatus(MemberStatus.Removed),
                _ => null,
            };
            if (moved is not null)
            {
                result = result.WithMember(moved);
                changed = true;
            }
        }

        if (!changed)
        {
            return gossip;
        }

        var removed = result.Members.Values.Where(m => m.Status == MemberStatus.Removed).Select(m => m.Address);
        return result.WithReachability(result.Reachability.Remove(removed)).Increment(self);
    }
}
