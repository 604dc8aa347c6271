using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster;

/// <summary>A snapshot of the cluster as this node sees it; sent first to subscribers that ask for the initial state.</summary>
/// <param name="Self">This node's member address (a new incarnation after every rejoin).</param>
/// <param name="Members">Members that are not Removed, in address order.</param>
/// <param name="Unreachable">Members some node finds unreachable.</param>
/// <param name="Leader">The leader, or null while there is none.</param>
/// <param name="ClusterId">The id of the cluster this node is a member of, or null while it is not a member.</param>
public sealed record CurrentClusterState(
    UniqueAddress Self,
    ImmutableList<Member> Members,
    ImmutableSortedSet<UniqueAddress> Unreachable,
    UniqueAddress? Leader,
    Guid? ClusterId)
{
    /// <summary>This node's member entry, or null while it is not a member.</summary>
    public Member? SelfMember => Members.Find(m => m.Address.Equals(Self));

    /// <summary>Whether this node is a member (Joining, Up, Leaving or Exiting).</summary>
    public bool IsMember => SelfMember is { Status: not (MemberStatus.Down or MemberStatus.Removed) };

    /// <summary>Whether <paramref name="address"/> is unreachable from some member.</summary>
    public bool IsUnreachable(UniqueAddress address) => Unreachable.Contains(address);

    internal static CurrentClusterState Empty(UniqueAddress self) => new(self, [], [], null, null);

    internal static CurrentClusterState From(UniqueAddress self, Gossip gossip, Guid? clusterId) => new(
        self,
        [.. gossip.ActiveMembers],
        gossip.Reachability.AllUnreachable.Where(a => gossip.MemberAt(a) is { Status: not MemberStatus.Removed }).ToImmutableSortedSet(),
        gossip.Leader(),
        clusterId);
}
