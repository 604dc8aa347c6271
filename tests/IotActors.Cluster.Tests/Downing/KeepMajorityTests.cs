using IotActors.Cluster.Downing;
using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Downing;

public sealed class KeepMajorityTests
{
    private static Member[] Up(int n) => Enumerable.Range(1, n).Select(i => M(i, MemberStatus.Up, i)).ToArray();

    [Fact]
    public void Three_side_downs_the_two_unreachable()
    {
        var d = KeepMajority.Decide(Up(5), [N(4), N(5)], N(1));
        d.Should().Be(new DowningDecision(DowningKind.DownUnreachable, [N(4), N(5)]));
    }

    [Fact]
    public void Two_side_of_three_two_downs_itself()
    {
        var d = KeepMajority.Decide(Up(5), [N(1), N(2), N(3)], N(4));
        d.Should().Be(new DowningDecision(DowningKind.DownSelfSide, [N(4), N(5)]));
    }

    [Fact]
    public void Tie_two_two_is_won_by_the_side_with_the_lowest_address()
    {
        KeepMajority.Decide(Up(4), [N(3), N(4)], N(1))
            .Should().Be(new DowningDecision(DowningKind.DownUnreachable, [N(3), N(4)]));
        KeepMajority.Decide(Up(4), [N(1), N(2)], N(3))
            .Should().Be(new DowningDecision(DowningKind.DownSelfSide, [N(3), N(4)]));
    }

    [Fact]
    public void One_four_split_single_node_downs_itself_and_the_four_down_it()
    {
        KeepMajority.Decide(Up(5), [N(2), N(3), N(4), N(5)], N(1))
            .Should().Be(new DowningDecision(DowningKind.DownSelfSide, [N(1)]));
        KeepMajority.Decide(Up(5), [N(1)], N(2))
            .Should().Be(new DowningDecision(DowningKind.DownUnreachable, [N(1)]));
    }

    [Fact]
    public void Self_in_minority_downs_own_side_including_self()
    {
        var d = KeepMajority.Decide(Up(7), [N(1), N(2), N(3), N(4)], N(6));
        d.Kind.Should().Be(DowningKind.DownSelfSide);
        d.ToDown.Should().Equal(N(5), N(6), N(7));
    }

    [Fact]
    public void No_unreachable_members_means_no_action()
    {
        KeepMajority.Decide(Up(3), [], N(1)).Should().Be(DowningDecision.None);
        KeepMajority.Decide(Up(3), [N(9)], N(1)).Should().Be(DowningDecision.None, "unknown nodes are not members");
    }

    [Fact]
    public void Joining_members_are_not_counted_but_are_downed_when_unreachable()
    {
        var members = Up(2).Append(M(3, MemberStatus.Joining)).Append(M(4, MemberStatus.Joining)).ToArray();
        var d = KeepMajority.Decide(members, [N(2), N(3), N(4)], N(1));
        d.Should().Be(new DowningDecision(DowningKind.DownUnreachable, [N(2), N(3), N(4)]), "1|1 among Up members, lowest address wins");
    }
}
