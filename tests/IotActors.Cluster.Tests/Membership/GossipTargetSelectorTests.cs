using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class GossipTargetSelectorTests
{
    [Fact]
    public void Never_picks_self_removed_or_unreachable_peers()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Removed, 2), M(3, MemberStatus.Up, 3), M(4, MemberStatus.Up, 4))
            .WithReachability(Reachability.Empty.Unreachable(N(1), N(4)));
        var random = new Random(42);
        var picks = Enumerable.Range(0, 200).Select(_ => GossipTargetSelector.Select(g, N(1), random)).ToHashSet();
        picks.Should().BeEquivalentTo(new[] { N(3) });
    }

    [Fact]
    public void Prefers_peers_that_have_not_seen_our_version()
    {
        var g = GossipOf(Enumerable.Range(1, 5).Select(i => M(i, MemberStatus.Up, i)).ToArray())
            .Increment(N(1)).SeenBy(N(2)).SeenBy(N(3)).SeenBy(N(4));
        var random = new Random(7);
        var picks = Enumerable.Range(0, 1000).Select(_ => GossipTargetSelector.Select(g, N(1), random)).ToList();
        picks.Count(p => p == N(5)).Should().BeGreaterThan(750, "80% go to the differing peer plus a share of the rest");
        picks.Should().Contain(N(2), "peers with the same view are still chosen sometimes");
    }

    [Fact]
    public void Same_seed_gives_the_same_sequence_and_no_peer_gives_null()
    {
        var g = GossipOf(Enumerable.Range(1, 6).Select(i => M(i, MemberStatus.Up, i)).ToArray());
        var a = new Random(3);
        var b = new Random(3);
        Enumerable.Range(0, 20).Select(_ => GossipTargetSelector.Select(g, N(1), a))
            .Should().Equal(Enumerable.Range(0, 20).Select(_ => GossipTargetSelector.Select(g, N(1), b)));
        GossipTargetSelector.Select(GossipOf(M(1, MemberStatus.Up, 1)), N(1), a).Should().BeNull();
    }
}
