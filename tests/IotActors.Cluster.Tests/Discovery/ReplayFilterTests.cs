using IotActors.Cluster.Discovery;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Discovery;

public sealed class ReplayFilterTests
{
    [Fact]
    public void Out_of_order_counters_inside_the_window_are_accepted_once()
    {
        var f = new ReplayFilter();
        f.TryAccept(N(1), 10).Should().BeTrue();
        f.TryAccept(N(1), 8).Should().BeTrue();
        f.TryAccept(N(1), 8).Should().BeFalse();
        f.TryAccept(N(1), 10).Should().BeFalse();
        f.TryAccept(N(1), 9).Should().BeTrue();
    }

    [Fact]
    public void Counters_older_than_the_window_are_rejected()
    {
        var f = new ReplayFilter();
        f.TryAccept(N(1), 1000).Should().BeTrue();
        f.TryAccept(N(1), 1000 - ReplayFilter.WindowSize).Should().BeFalse();
        f.TryAccept(N(1), 1000 - ReplayFilter.WindowSize + 1).Should().BeTrue();
    }

    [Fact]
    public void A_new_incarnation_starts_a_fresh_window()
    {
        var f = new ReplayFilter();
        f.TryAccept(N(1, incarnation: 1), 50).Should().BeTrue();
        f.TryAccept(N(1, incarnation: 2), 1).Should().BeTrue();
        f.TryAccept(N(1, incarnation: 1), 50).Should().BeFalse();
        f.TryAccept(N(1, incarnation: 2), 1).Should().BeFalse();
    }

    [Fact]
    public void Number_of_tracked_senders_is_bounded()
    {
        var f = new ReplayFilter(maxSenders: 3);
        for (var i = 1; i <= 10; i++)
        {
            f.TryAccept(N(i), 1).Should().BeTrue();
        }

        f.SenderCount.Should().Be(3);
    }
}
