using IotActors.Home.Model;
using IotActors.Home.Sensors;

namespace IotActors.Home.Tests.Sensors;

public sealed class SensorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SampleValidator Validator = new(SampleValidationOptions.Default);

    [Theory]
    [InlineData("temperature", 21.5, true)]
    [InlineData("temperature", 125, true)]
    [InlineData("temperature", 125.1, false)]
    [InlineData("Humidity", -0.1, false)]
    [InlineData("lux", 1e9, true)]
    [InlineData("temperature", double.NaN, false)]
    [InlineData("lux", double.PositiveInfinity, false)]
    public void Range_check_follows_the_metric(string metric, double value, bool accepted)
    {
        Validator.Validate(metric, value, T0, null).Accepted.Should().Be(accepted);
    }

    [Fact]
    public void Samples_faster_than_the_minimum_interval_or_going_back_in_time_are_rejected()
    {
        Validator.Validate("temperature", 20, T0.AddMilliseconds(99), T0).Reason.Should().Contain("minimum interval is 100ms");
        Validator.Validate("temperature", 20, T0.AddMilliseconds(100), T0).Accepted.Should().BeTrue();
        Validator.Validate("temperature", 20, T0.AddSeconds(-1), T0).Reason.Should().Contain("before the previous");
    }

    [Fact]
    public void Stamping_gives_monotonic_sequence_numbers_and_skips_rejected_samples()
    {
        var stamp = SensorStamp.Start("t1", lastSequenceNr: 41);
        var seqs = new List<long>();
        double[] values = [20, 500, 21, 22];
        for (int i = 0; i < values.Length; i++)
        {
            (stamp, var reading, _) = stamp.Stamp(Validator, "temperature", "C", values[i], T0.AddSeconds(i), "iot://s@h:1");
            if (reading is not null) seqs.Add(reading.SequenceNr);
        }

        seqs.Should().Equal(42, 43, 44);
        stamp.LastSequenceNr.Should().Be(44);
        stamp.LastAcceptedAt.Should().Be(T0.AddSeconds(3));
    }

    [Fact]
    public void Health_moves_from_online_to_stale_to_offline()
    {
        var policy = new DeviceHealthPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
        policy.Of(T0, T0.AddSeconds(30)).Should().Be(DeviceHealth.Online);
        policy.Of(T0, T0.AddSeconds(31)).Should().Be(DeviceHealth.Stale);
        policy.Of(T0, T0.AddMinutes(2)).Should().Be(DeviceHealth.Stale);
        policy.Of(T0, T0.AddMinutes(2).AddTicks(1)).Should().Be(DeviceHealth.Offline);
        policy.Of(null, T0).Should().Be(DeviceHealth.Offline);
        policy.Of(policy.NextChange(T0, T0)!.Value, T0).Should().Be(DeviceHealth.Online);
        policy.Of(T0, policy.NextChange(T0, T0)!.Value).Should().Be(DeviceHealth.Stale);
        policy.NextChange(T0, T0.AddHours(1)).Should().BeNull();
    }

    [Fact]
    public void Health_thresholds_must_increase()
    {
        var act = () => new DeviceHealthPolicy(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*offline-after must be longer than stale-after*");
    }

    [Fact]
    public void Site_state_merge_is_last_writer_wins_by_version_and_order_independent()
    {
        var a = new SiteDeviceState("fan-1", DeviceKind.Actuator, null, true, DeviceHealth.Online, "iot://s@a:1", 3, T0);
        var b = a with { Active = false, Version = 4, OwnerNode = "iot://s@b:1" };
        var tie = a with { Active = false, OwnerNode = "iot://s@z:1" };
        SiteDeviceState.Merge(a, b).Should().Be(b);
        SiteDeviceState.Merge(b, a).Should().Be(b);
        SiteDeviceState.Merge(a, tie).Should().Be(SiteDeviceState.Merge(tie, a));
    }
}
