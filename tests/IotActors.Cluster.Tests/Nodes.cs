using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Tests;

/// <summary>Test addresses and gossip helpers.</summary>
internal static class Nodes
{
    public static UniqueAddress N(int i, long incarnation = 1) => new("site", $"10.0.0.{i}", 4053, incarnation);

    public static Member M(int i, MemberStatus status, int upNumber = 0) =>
        new(N(i), status, ImmutableSortedSet<string>.Empty, upNumber);

    public static Gossip GossipOf(params Member[] members) =>
        members.Aggregate(Gossip.Empty, (g, m) => g.WithMember(m));

    public static Gossip SeenByAll(this Gossip g) =>
        g.ActiveMembers.Aggregate(g, (acc, m) => acc.SeenBy(m.Address));
}
