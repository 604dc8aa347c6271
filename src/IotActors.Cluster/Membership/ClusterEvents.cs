using System.Collections.Immutable;

namespace IotActors.Cluster.Membership;

/// <summary>Computes the cluster events between two gossip snapshots.</summary>
public static class ClusterEvents
{
    /// <summary>
    /// The events that turn <paramref name="oldState"/> into <paramref name="newState"/>: member events in address order,
    /// then reachability events, then a leader change.
    /// </summary>
    public static ImmutableList<ClusterEvent> Diff(Gossip oldState, Gossip newState)
    {
        var events = ImmutableList.CreateBuilder<ClusterEvent>();
        foreach (var (address, now) in newState.Members)
        {
            var before = oldState.MemberAt(address);
            if (before is not null && before.Status == now.Status)
            {
                continue;
            }

            if (before is null && now.Status == MemberStatus.Removed)
            {
                continue;
            }

            ClusterEvent? e = now.Status switch
            {
                MemberStatus.Joining => new MemberJoined(now),
                MemberStatus.Up => new MemberUp(now),
                MemberStatus.Leaving => new MemberLeft(now),
                MemberStatus.Exiting => new MemberExited(now),
                MemberStatus.Down => new MemberDowned(now),
                MemberStatus.Removed => new MemberRemoved(now, before!.Status),
                _ => null,
            };
            if (e is not null)
            {
                events.Add(e);
            }
        }

        foreach (var (address, gone) in oldState.Members)
        {
            if (gone.Status != MemberStatus.Removed && !newState.Members.ContainsKey(address))
            {
                events.Add(new MemberRemoved(gone with { Status = MemberStatus.Removed }, gone.Status));
            }
        }

        var oldUnreachable = Unreachable(oldState);
        var newUnreachable = Unreachable(newState);
        foreach (var address in newUnreachable.Except(oldUnreachable))
        {
            events.Add(new UnreachableMember(newState.Members[address]));
        }

        foreach (var address in oldUnreachable.Except(newUnreachable))
        {
            if (newState.MemberAt(address) is { Status: not MemberStatus.Removed } member)
            {
                events.Add(new ReachableMember(member));
            }
        }

        var oldLeader = oldState.Leader();
        var newLeader = newState.Leader();
        if (!Equals(oldLeader, newLeader))
        {
            events.Add(new LeaderChanged(newLeader));
        }

        return events.ToImmutable();
    }

    private static ImmutableSortedSet<UniqueAddress> Unreachable(Gossip g) =>
        g.Reachability.AllUnreachable.Where(a => g.MemberAt(a) is { Status: not MemberStatus.Removed }).ToImmutableSortedSet();
}
