using IotActors.Home.Actuators;

namespace IotActors.Home.Tests.Actuators;

public sealed class FailSafeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);
    private static readonly ActuatorState Idle = ActuatorState.Initial("fan-1");
    private static readonly ActuatorState Active = Idle with { Status = ActuatorStatus.Active, Version = 1 };

    [Fact]
    public void Fresh_data_never_triggers_fail_safe()
    {
        new FailSafePolicy(FailSafeMode.Active, Stale).Decide(Idle, T0, T0.AddHours(-1), T0.AddSeconds(30)).Should().BeNull();
    }

    [Fact]
    public void Stale_data_drives_the_actuator_to_the_configured_state()
    {
        var cmd = new FailSafePolicy(FailSafeMode.Active, Stale).Decide(Idle, T0, T0.AddHours(-1), T0.AddSeconds(31));
        cmd.Should().NotBeNull();
        cmd!.Active.Should().BeTrue();
        cmd.Reason.Should().Be(FailSafePolicy.Reason);
        new FailSafePolicy(FailSafeMode.Idle, Stale).Decide(Active, T0, T0.AddHours(-1), T0.AddMinutes(5))!.Active.Should().BeFalse();
    }

    [Fact]
    public void Hold_or_already_in_fail_safe_state_gives_no_command()
    {
        new FailSafePolicy(FailSafeMode.Hold, Stale).Decide(Active, T0, T0, T0.AddHours(1)).Should().BeNull();
        new FailSafePolicy(FailSafeMode.Idle, Stale).Decide(Idle, T0, T0, T0.AddHours(1)).Should().BeNull();
    }

    [Fact]
    public void A_fresh_start_without_readings_gets_a_grace_period_of_stale_after()
    {
        var policy = new FailSafePolicy(FailSafeMode.Active, Stale);
        policy.Decide(Idle, null, T0, T0.AddSeconds(30)).Should().BeNull();
        policy.Decide(Idle, null, T0, T0.AddSeconds(31))!.Active.Should().BeTrue();
        policy.IsStale(null, T0).Should().BeTrue();
        policy.IsStale(T0, T0.AddSeconds(30)).Should().BeFalse();
    }

    [Fact]
    public void Recovery_re_applies_the_recovered_state_first()
    {
        ActuatorRecovery.FirstOutput(Active, FailSafeMode.Idle).Active.Should().BeTrue();
        ActuatorRecovery.FirstOutput(Idle, FailSafeMode.Active).Active.Should().BeFalse();
    }

    [Theory]
    [InlineData(FailSafeMode.Active, true)]
    [InlineData(FailSafeMode.Idle, false)]
    [InlineData(FailSafeMode.Hold, false)]
    public void Failed_recovery_writes_the_fail_safe_state_with_hold_meaning_idle(FailSafeMode mode, bool expected)
    {
        var output = ActuatorRecovery.FirstOutput(null, mode);
        output.Active.Should().Be(expected);
        output.Reason.Should().Contain("recovery failed");
    }
}
