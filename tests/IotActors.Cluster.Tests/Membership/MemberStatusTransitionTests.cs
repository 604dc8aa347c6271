using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class MemberStatusTransitionTests
{
    [Theory]
    [InlineData(MemberStatus.Joining, MemberStatus.Up)]
    [InlineData(MemberStatus.Joining, MemberStatus.Down)]
    [InlineData(MemberStatus.Up, MemberStatus.Leaving)]
    [InlineData(MemberStatus.Up, MemberStatus.Down)]
    [InlineData(MemberStatus.Leaving, MemberStatus.Exiting)]
    [InlineData(MemberStatus.Leaving, MemberStatus.Down)]
    [InlineData(MemberStatus.Exiting, MemberStatus.Removed)]
    [InlineData(MemberStatus.Down, MemberStatus.Removed)]
    public void Legal_transition_changes_status_and_keeps_the_rest(MemberStatus from, MemberStatus to)
    {
        var member = M(1, from, upNumber: 3);
        var moved = member.WithStatus(to);
        moved.Status.Should().Be(to);
        moved.Address.Should().Be(member.Address);
        moved.UpNumber.Should().Be(3);
        member.Status.Should().Be(from, "members are immutable");
    }

    [Theory]
    [InlineData(MemberStatus.Up, MemberStatus.Joining)]
    [InlineData(MemberStatus.Leaving, MemberStatus.Up)]
    [InlineData(MemberStatus.Exiting, MemberStatus.Leaving)]
    [InlineData(MemberStatus.Down, MemberStatus.Up)]
    [InlineData(MemberStatus.Down, MemberStatus.Exiting)]
    [InlineData(MemberStatus.Removed, MemberStatus.Up)]
    [InlineData(MemberStatus.Removed, MemberStatus.Joining)]
    [InlineData(MemberStatus.Joining, MemberStatus.Exiting)]
    public void Illegal_transition_throws_with_both_statuses(MemberStatus from, MemberStatus to)
    {
        var act = () => M(1, from).WithStatus(to);
        var ex = act.Should().Throw<InvalidMemberTransitionException>().Which;
        ex.From.Should().Be(from);
        ex.To.Should().Be(to);
        ex.Message.Should().Contain(from.ToString()).And.Contain(to.ToString());
    }

    [Fact]
    public void Same_status_is_a_no_op()
    {
        var m = M(1, MemberStatus.Up, 1);
        m.WithStatus(MemberStatus.Up).Should().BeSameAs(m);
    }

    [Fact]
    public void Precedence_orders_removed_down_exiting_leaving_up_joining()
    {
        var order = new[] { MemberStatus.Joining, MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Exiting, MemberStatus.Down, MemberStatus.Removed };
        order.Select(MemberStatusRules.Precedence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Unique_address_orders_by_host_port_system_incarnation_and_prints_iot_uri()
    {
        var a = new UniqueAddress("zeta", "10.0.0.1", 4053, 9);
        var b = new UniqueAddress("alpha", "10.0.0.1", 4054, 1);
        var c = new UniqueAddress("alpha", "10.0.0.2", 1, 1);
        var d = new UniqueAddress("zeta", "10.0.0.1", 4053, 10);
        new[] { c, d, b, a }.Order().Should().Equal(a, d, b, c);
        a.ToString().Should().Be("iot://zeta@10.0.0.1:4053");
    }

    [Fact]
    public void Updating_unknown_member_throws_unknown_member()
    {
        var act = () => Gossip.Empty.UpdateStatus(N(1), MemberStatus.Up);
        act.Should().Throw<UnknownMemberException>().Which.Address.Should().Be(N(1));
    }
}
