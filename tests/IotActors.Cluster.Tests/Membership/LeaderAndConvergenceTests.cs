using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class LeaderAndConvergenceTests
{
    [Fact]
    public void Leader_is_lowest_reachable_up_or_leaving_member()
    {
        var g = GossipOf(M(1, MemberStatus.Joining), M(2, MemberStatus.Leaving, 1), M(3, MemberStatus.Up, 2));
        g.Leader().Should().Be(N(2));
        g.WithReachability(Reachability.Empty.Unreachable(N(3), N(2))).Leader().Should().Be(N(3));
    }

    [Fact]
    public void Leader_is_lowest_joining_when_nobody_is_up()
    {
        GossipOf(M(3, MemberStatus.Joining), M(2, MemberStatus.Joining)).Leader().Should().Be(N(2));
        GossipOf(M(1, MemberStatus.Down), M(2, MemberStatus.Exiting)).Leader().Should().BeNull();
    }

    [Fact]
    public void Convergence_needs_every_reachable_member_to_have_seen_the_version()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2), M(3, MemberStatus.Joining)).Increment(N(1));
        g.HasConvergence().Should().BeFalse();
        g.SeenBy(N(2)).HasConvergence().Should().BeFalse();
        g.SeenBy(N(2)).SeenBy(N(3)).HasConvergence().Should().BeTrue();
    }

    [Fact]
    public void Unreachable_and_down_members_are_left_out_of_convergence()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2), M(3, MemberStatus.Down, 3)).Increment(N(1));
        g = g.WithReachability(Reachability.Empty.Unreachable(N(1), N(3)));
        g.SeenBy(N(2)).HasConvergence().Should().BeTrue();

        var unreachableUp = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2)).Increment(N(1))
            .WithReachability(Reachability.Empty.Unreachable(N(1), N(2)));
        unreachableUp.HasConvergence().Should().BeTrue();
    }

    [Fact]
    public void Gossip_speeds_up_while_fewer_than_half_of_the_members_have_seen_the_version()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2), M(3, MemberStatus.Up, 3), M(4, MemberStatus.Joining)).Increment(N(1));
        g.NeedsGossipSpeedup().Should().BeTrue("only the node that changed it has seen the new version");
        g.SeenBy(N(2)).NeedsGossipSpeedup().Should().BeFalse("half of the members have seen it");
        GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Removed, 2)).Increment(N(1)).NeedsGossipSpeedup().Should().BeFalse("removed members do not count");
    }
}
