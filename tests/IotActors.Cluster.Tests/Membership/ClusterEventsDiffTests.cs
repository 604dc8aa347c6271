using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class ClusterEventsDiffTests
{
    [Fact]
    public void Status_changes_become_member_events_in_address_order()
    {
        var before = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Joining), M(3, MemberStatus.Up, 2), M(4, MemberStatus.Leaving, 3), M(5, MemberStatus.Exiting, 4));
        var after = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 5), M(3, MemberStatus.Leaving, 2), M(4, MemberStatus.Exiting, 3), M(5, MemberStatus.Removed, 4), M(6, MemberStatus.Joining));

        ClusterEvents.Diff(before, after).Should().Equal(
            new MemberUp(M(2, MemberStatus.Up, 5)),
            new MemberLeft(M(3, MemberStatus.Leaving, 2)),
            new MemberExited(M(4, MemberStatus.Exiting, 3)),
            new MemberRemoved(M(5, MemberStatus.Removed, 4), MemberStatus.Exiting),
            new MemberJoined(M(6, MemberStatus.Joining)));
    }

    [Fact]
    public void Reachability_changes_become_unreachable_and_reachable_events()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2), M(3, MemberStatus.Up, 3));
        var r1 = Reachability.Empty.Unreachable(N(1), N(3));
        var unreachable = g.WithReachability(r1);
        ClusterEvents.Diff(g, unreachable).Should().Equal(new UnreachableMember(M(3, MemberStatus.Up, 3)));
        var back = g.WithReachability(r1.Reachable(N(1), N(3)));
        ClusterEvents.Diff(unreachable, back).Should().Equal(new ReachableMember(M(3, MemberStatus.Up, 3)));
    }

    [Fact]
    public void Leader_change_is_reported_last()
    {
        var before = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2));
        var after = GossipOf(M(1, MemberStatus.Down, 1), M(2, MemberStatus.Up, 2));
        ClusterEvents.Diff(before, after).Should().Equal(new MemberDowned(M(1, MemberStatus.Down, 1)), new LeaderChanged(N(2)));
    }

    [Fact]
    public void Identical_snapshots_give_no_events_and_member_missing_from_new_is_removed()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2));
        ClusterEvents.Diff(g, g).Should().BeEmpty();
        ClusterEvents.Diff(g, GossipOf(M(1, MemberStatus.Up, 1)))
            .Should().Equal(new MemberRemoved(M(2, MemberStatus.Removed, 2), MemberStatus.Up));
    }
}
