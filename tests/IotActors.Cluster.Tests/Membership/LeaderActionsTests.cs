using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class LeaderActionsTests
{
    [Fact]
    public void Leader_moves_joining_to_up_at_convergence_with_increasing_up_numbers()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Joining), M(3, MemberStatus.Joining)).SeenByAll();
        var after = LeaderActions.Perform(g, N(1));
        after.MemberAt(N(2))!.Should().Match<Member>(m => m.Status == MemberStatus.Up && m.UpNumber == 2);
        after.MemberAt(N(3))!.Should().Match<Member>(m => m.Status == MemberStatus.Up && m.UpNumber == 3);
        after.Version.CompareTo(g.Version).Should().Be(IotActors.Cluster.Replication.VersionOrdering.After);
        after.Seen.Should().Equal(N(1));
    }

    [Fact]
    public void Joining_stays_joining_without_convergence()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Joining), M(3, MemberStatus.Up, 2)).Increment(N(1));
        LeaderActions.Perform(g, N(1)).Should().BeSameAs(g);
    }

    [Fact]
    public void Non_leader_does_nothing()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Joining)).SeenByAll();
        LeaderActions.Perform(g, N(2)).Should().BeSameAs(g);
    }

    [Fact]
    public void Leaving_moves_to_exiting_even_without_convergence_then_exiting_is_removed_at_convergence()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Leaving, 2), M(3, MemberStatus.Up, 3)).Increment(N(1));
        var step1 = LeaderActions.Perform(g, N(1));
        step1.MemberAt(N(2))!.Status.Should().Be(MemberStatus.Exiting);

        LeaderActions.Perform(step1, N(1)).Should().BeSameAs(step1, "Exiting -> Removed waits for convergence");
        var step2 = LeaderActions.Perform(step1.SeenByAll(), N(1));
        step2.MemberAt(N(2))!.Status.Should().Be(MemberStatus.Removed);
    }

    [Fact]
    public void Unreachable_down_member_is_removed_at_convergence_of_the_others()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2), M(3, MemberStatus.Down, 3))
            .WithReachability(Reachability.Empty.Unreachable(N(1), N(3)))
            .Increment(N(1)).SeenBy(N(2));
        var after = LeaderActions.Perform(g, N(1));
        after.MemberAt(N(3))!.Status.Should().Be(MemberStatus.Removed);
        after.Reachability.AllUnreachable.Should().BeEmpty("records about removed nodes are dropped");
        after.ActiveMembers.Select(m => m.Address).Should().Equal(N(1), N(2));
    }

    [Fact]
    public void First_joining_node_becomes_up_as_its_own_leader()
    {
        var g = GossipOf(M(1, MemberStatus.Joining)).SeenByAll();
        LeaderActions.Perform(g, N(1)).MemberAt(N(1))!.Status.Should().Be(MemberStatus.Up);
    }
}
