using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class ReachabilityTests
{
    [Fact]
    public void Unreachable_then_reachable_bumps_observer_version_each_time()
    {
        var r = Reachability.Empty.Unreachable(N(1), N(2));
        r.IsReachable(N(2)).Should().BeFalse();
        r.VersionOf(N(1)).Should().Be(1);
        r = r.Reachable(N(1), N(2));
        r.IsReachable(N(2)).Should().BeTrue();
        r.VersionOf(N(1)).Should().Be(2);
        r.VersionOf(N(3)).Should().Be(0);
    }

    [Fact]
    public void Subject_is_unreachable_while_any_observer_says_so()
    {
        var r = Reachability.Empty.Unreachable(N(1), N(3)).Unreachable(N(2), N(3)).Reachable(N(1), N(3));
        r.IsReachable(N(3)).Should().BeFalse();
        r.AllUnreachable.Should().Equal(N(3));
        r.AllUnreachableFrom(N(1)).Should().BeEmpty();
        r.AllUnreachableFrom(N(2)).Should().Equal(N(3));
    }

    [Fact]
    public void Merge_keeps_the_newer_record_of_each_observer()
    {
        var old = Reachability.Empty.Unreachable(N(1), N(2));
        var newer = old.Reachable(N(1), N(2));
        old.Merge(newer).IsReachable(N(2)).Should().BeTrue();
        newer.Merge(old).IsReachable(N(2)).Should().BeTrue();
    }

    [Fact]
    public void Self_observation_is_ignored_and_removed_nodes_are_dropped()
    {
        Reachability.Empty.Unreachable(N(1), N(1)).Should().Be(Reachability.Empty);
        var r = Reachability.Empty.Unreachable(N(1), N(2)).Unreachable(N(3), N(4));
        r.Remove([N(2)]).AllUnreachable.Should().Equal(N(4));
    }
}
