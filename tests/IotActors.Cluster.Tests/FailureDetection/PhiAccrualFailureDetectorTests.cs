using IotActors.Cluster.FailureDetection;
using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.FailureDetection;

public sealed class PhiAccrualFailureDetectorTests
{
    private static PhiAccrualFailureDetector Warm(ManualTimeProvider clock, int beats = 30)
    {
        var fd = new PhiAccrualFailureDetector(clock);
        for (var i = 0; i < beats; i++)
        {
            fd.Heartbeat();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        return fd;
    }

    [Fact]
    public void Regular_heartbeats_keep_phi_low()
    {
        var clock = new ManualTimeProvider();
        var fd = Warm(clock);
        fd.Phi().Should().BeLessThan(1.0);
        fd.IsAvailable.Should().BeTrue();
    }

    [Fact]
    public void Pause_raises_phi_above_threshold_after_acceptable_pause_plus_a_few_seconds()
    {
        var clock = new ManualTimeProvider();
        var fd = Warm(clock);
        fd.Heartbeat();
        clock.Advance(TimeSpan.FromSeconds(3));
        fd.IsAvailable.Should().BeTrue("3 s is within heartbeat + acceptable pause");
        var crossed = TimeSpan.Zero;
        for (var t = 3.0; t <= 15; t += 0.1)
        {
            if (!fd.IsAvailable)
            {
                crossed = TimeSpan.FromSeconds(t);
                break;
            }

            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        crossed.Should().BeGreaterThan(TimeSpan.FromSeconds(4)).And.BeLessThan(TimeSpan.FromSeconds(6));
        fd.Phi().Should().BeGreaterThan(8.0);
    }

    [Fact]
    public void Phi_grows_monotonically_with_silence()
    {
        var clock = new ManualTimeProvider();
        var fd = Warm(clock);
        fd.Heartbeat();
        var previous = fd.Phi();
        for (var i = 0; i < 60; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            var phi = fd.Phi();
            phi.Should().BeGreaterThanOrEqualTo(previous);
            previous = phi;
        }
    }

    [Fact]
    public void Unmonitored_node_is_available_with_zero_phi()
    {
        var fd = new PhiAccrualFailureDetector(new ManualTimeProvider());
        fd.IsMonitoring.Should().BeFalse();
        fd.Phi().Should().Be(0);
        fd.IsAvailable.Should().BeTrue();
    }

    [Fact]
    public void Heartbeat_after_failure_makes_node_available_again()
    {
        var clock = new ManualTimeProvider();
        var fd = Warm(clock);
        clock.Advance(TimeSpan.FromSeconds(30));
        fd.IsAvailable.Should().BeFalse();
        fd.Heartbeat();
        fd.IsAvailable.Should().BeTrue();
    }

    [Fact]
    public void Registry_tracks_each_address_separately_and_forgets_removed_ones()
    {
        var clock = new ManualTimeProvider();
        var registry = new FailureDetectorRegistry<UniqueAddress>(clock);
        for (var i = 0; i < 10; i++)
        {
            registry.Heartbeat(N(1));
            registry.Heartbeat(N(2));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        for (var i = 0; i < 10; i++)
        {
            registry.Heartbeat(N(1));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        registry.IsAvailable(N(1)).Should().BeTrue();
        registry.IsAvailable(N(2)).Should().BeFalse();
        registry.IsMonitoring(N(3)).Should().BeFalse();
        registry.IsAvailable(N(3)).Should().BeTrue();
        registry.Remove(N(2));
        registry.IsMonitoring(N(2)).Should().BeFalse();
        registry.IsAvailable(N(2)).Should().BeTrue();
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var act = () => new PhiAccrualFailureDetector(new ManualTimeProvider(), PhiAccrualOptions.Default with { Threshold = 0 });
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
