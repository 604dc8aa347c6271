using IotActors.Cluster.Downing;
using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Downing;

public sealed class StableAfterTimerTests
{
    private static readonly Member[] Members = [M(1, MemberStatus.Up, 1), M(2, MemberStatus.Up, 2), M(3, MemberStatus.Up, 3)];

    [Fact]
    public void Stable_only_after_seven_seconds_without_change()
    {
        var clock = new ManualTimeProvider();
        var timer = new StableAfterTimer(clock);
        timer.Observe(Members, [N(3)]).Should().BeTrue();
        clock.Advance(TimeSpan.FromSeconds(6.9));
        timer.Observe(Members, [N(3)]).Should().BeFalse();
        timer.IsStable.Should().BeFalse();
        timer.RemainingUntilStable.Should().Be(TimeSpan.FromSeconds(0.1));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        timer.IsStable.Should().BeTrue();
    }

    [Fact]
    public void Reachability_or_status_change_restarts_the_period()
    {
        var clock = new ManualTimeProvider();
        var timer = new StableAfterTimer(clock, TimeSpan.FromSeconds(7));
        timer.Observe(Members, [N(3)]);
        clock.Advance(TimeSpan.FromSeconds(5));
        timer.Observe(Members, [N(3), N(2)]).Should().BeTrue();
        clock.Advance(TimeSpan.FromSeconds(5));
        timer.IsStable.Should().BeFalse();
        timer.Observe([Members[0], Members[1], M(3, MemberStatus.Down, 3)], [N(3), N(2)]).Should().BeTrue();
        clock.Advance(TimeSpan.FromSeconds(7));
        timer.IsStable.Should().BeTrue();
    }

    [Fact]
    public void Order_of_input_does_not_count_as_change()
    {
        var clock = new ManualTimeProvider();
        var timer = new StableAfterTimer(clock);
        timer.Observe(Members, [N(2), N(3)]);
        timer.Observe(Members.Reverse(), [N(3), N(2)]).Should().BeFalse();
    }
}
