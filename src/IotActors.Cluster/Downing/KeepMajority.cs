using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Downing;

/// <summary>The keep-majority split-brain strategy as a pure function.</summary>
public static class KeepMajority
{
    /// <summary>
    /// Decides which side survives. Counted members are Up, Leaving and Exiting ones (all non-Down ones when
    /// none is Up yet); the side with more counted members wins, a tie goes to the side holding the lowest
    /// counted address. The winning side downs the unreachable members; the losing side downs itself.
    /// </summary>
    /// <param name="members">The current members (Removed and Down ones are ignored).</param>
    /// <param name="unreachable">Members this node's side cannot reach.</param>
    /// <param name="self">This node.</param>
    public static DowningDecision Decide(IEnumerable<Member> members, IEnumerable<UniqueAddress> unreachable, UniqueAddress self)
    {
        var alive = members.Where(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed)).ToList();
        var unreachableSet = unreachable.ToImmutableSortedSet();
        if (unreachableSet.IsEmpty || !alive.Any(m => unreachableSet.Contains(m.Address)))
        {
            return DowningDecision.None;
        }

        var counted = alive.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting).ToList();
        if (counted.Count == 0)
        {
            counted = alive;
        }

        var reachableCount = counted.Count(m => !unreachableSet.Contains(m.Address));
        var unreachableCount = counted.Count - reachableCount;
        bool keepThisSide;
        if (reachableCount != unreachableCount)
        {
            keepThisSide = reachableCount > unreachableCount;
        }
        else
        {
            var lowest = counted.Select(m => m.Address).Min()!;
            keepThisSide = !unreachableSet.Contains(lowest);
        }

        if (keepThisSide)
        {
            return new DowningDecision(
                DowningKind.DownUnreachable,
                alive.Where(m => unreachableSet.Contains(m.Address)).Select(m => m.Address).ToImmutableSortedSet());
        }

        var ownSide = alive.Where(m => !unreachableSet.Contains(m.Address)).Select(m => m.Address).ToImmutableSortedSet();
        return new DowningDecision(DowningKind.DownSelfSide, ownSide.Add(self));
    }
}
