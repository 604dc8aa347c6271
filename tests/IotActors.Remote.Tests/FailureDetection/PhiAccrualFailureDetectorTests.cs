using IotActors.Remote.FailureDetection;
using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.FailureDetection;

public sealed class PhiAccrualFailureDetectorTests
{
    private static (PhiAccrualFailureDetector Detector, ManualTimeProvider Clock) Create(double pauseMs = 0)
    {
        var clock = new ManualTimeProvider();
        return (new PhiAccrualFailureDetector(clock, 8.0, 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(pauseMs), TimeSpan.FromSeconds(1)), clock);
    }

    [Fact]
    public void Phi_is_zero_and_available_before_any_heartbeat()
    {
        var (detector, clock) = Create();
        clock.Advance(TimeSpan.FromMinutes(5));
        detector.Phi().Should().Be(0);
        detector.IsAvailable().Should().BeTrue();
    }

    [Fact]
    public void Phi_matches_the_normal_tail_at_mean_and_beyond()
    {
        PhiAccrualFailureDetector.PhiOf(1000, 1000, 100).Should().BeApproximately(-Math.Log10(0.5), 1e-9);
        PhiAccrualFailureDetector.PhiOf(1100, 1000, 100).Should().BeApproximately(0.80, 0.02);
        PhiAccrualFailureDetector.PhiOf(1300, 1000, 100).Should().BeApproximately(2.87, 0.05);
        PhiAccrualFailureDetector.PhiOf(500, 1000, 100).Should().BeLessThan(0.001);
    }

    [Fact]
    public void Phi_rises_monotonically_with_silence_and_crosses_threshold()
    {
        var (detector, clock) = Create();
        for (int i = 0; i < 20; i++)
        {
            detector.Heartbeat();
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        double previous = detector.Phi();
        detector.IsAvailable().Should().BeTrue();
        for (int i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            double phi = detector.Phi();
            phi.Should().BeGreaterThanOrEqualTo(previous);
            previous = phi;
        }
        detector.IsAvailable().Should().BeFalse();
    }

    [Fact]
    public void Acceptable_pause_delays_suspicion()
    {
        var (strict, clockA) = Create(0);
        var (lenient, clockB) = Create(3000);
        foreach (var (d, c) in new[] { (strict, clockA), (lenient, clockB) })
        {
            for (int i = 0; i < 10; i++)
            {
                d.Heartbeat();
                c.Advance(TimeSpan.FromSeconds(1));
            }
            c.Advance(TimeSpan.FromSeconds(1.5));
        }
        strict.IsAvailable().Should().BeFalse();
        lenient.IsAvailable().Should().BeTrue();
    }

    [Fact]
    public void Heartbeat_after_silence_makes_node_available_again()
    {
        var (detector, clock) = Create();
        detector.Heartbeat();
        clock.Advance(TimeSpan.FromSeconds(30));
        detector.IsAvailable().Should().BeFalse();
        detector.Heartbeat();
        detector.IsAvailable().Should().BeTrue();
    }
}
