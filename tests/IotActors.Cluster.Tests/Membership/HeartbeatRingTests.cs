using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class HeartbeatRingTests
{
    private static readonly UniqueAddress[] Eight = Enumerable.Range(1, 8).Select(i => N(i)).ToArray();

    [Fact]
    public void Each_node_sends_to_the_next_five_in_ring_order_wrapping_around()
    {
        var ring = new HeartbeatRing(Eight.Reverse());
        ring.Receivers(N(1)).Should().Equal(N(2), N(3), N(4), N(5), N(6));
        ring.Receivers(N(6)).Should().Equal(N(1), N(2), N(3), N(7), N(8));
    }

    [Fact]
    public void Every_node_is_monitored_by_exactly_five_others_in_a_large_ring()
    {
        var ring = new HeartbeatRing(Eight);
        foreach (var n in Eight)
        {
            ring.Monitors(n).Should().HaveCount(5).And.NotContain(n);
        }

        ring.Monitors(N(1)).Should().Equal(N(4), N(5), N(6), N(7), N(8));
    }

    [Fact]
    public void Small_ring_monitors_everyone_else()
    {
        var ring = new HeartbeatRing([N(1), N(2), N(3)]);
        ring.Receivers(N(2)).Should().Equal(N(1), N(3));
        new HeartbeatRing([N(1)]).Receivers(N(1)).Should().BeEmpty();
    }

    [Fact]
    public void Unreachable_receivers_are_kept_and_more_reachable_ones_added()
    {
        var ring = new HeartbeatRing(Eight, unreachable: [N(2), N(3)]);
        ring.Receivers(N(1)).Should().Equal(N(2), N(3), N(4), N(5), N(6), N(7), N(8));
    }

    [Fact]
    public void Ring_is_the_same_whatever_the_input_order()
    {
        var shuffled = Eight.OrderBy(a => a.GetHashCode()).ToArray();
        new HeartbeatRing(shuffled).Receivers(N(4)).Should().Equal(new HeartbeatRing(Eight).Receivers(N(4)));
    }
}
