using IotActors.Actors;
using IotActors.Devices.Abstractions;
using IotActors.Devices.Actors;
using IotActors.TestKit;

namespace IotActors.Devices.Tests.ActorTests;

public sealed class DeviceBackoffTests : DeviceActorTestBase
{
    private int _created;
    private volatile bool _broken = true;

    private ScriptedSensorDriver CreateDriver()
    {
        Interlocked.Increment(ref _created);
        var driver = new ScriptedSensorDriver("flaky", Clock);
        driver.Default = () => _broken ? throw new InvalidOperationException("I2C bus locked up") : driver.Good();
        return driver;
    }

    private void ExpectRestartAfter(TestProbe owner, TimeSpan delay, int restarts, Action? afterFault = null)
    {
        var fault = Next<DeviceFault>(owner);
        afterFault?.Invoke();
        fault.Reason.Should().Contain("I2C bus locked up").And.Contain("restarts");
        fault.Transient.Should().BeTrue();
        NextState(owner, DeviceState.Restarting).Restarts.Should().Be(restarts);
        var created = Volatile.Read(ref _created);

        Clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        ExpectNo<DeviceHealthReport>(owner);
        Volatile.Read(ref _created).Should().Be(created, $"restart {restarts} must wait the full {delay}");

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        NextState(owner, DeviceState.Running);
        AwaitCondition(() => Volatile.Read(ref _created) == created + 1);
    }

    [Fact]
    public void Throwing_driver_is_restarted_with_growing_delays_that_reset_after_a_stable_period()
    {
        var owner = CreateTestProbe("owner");
        var device = StartSensor("flaky", TimeSpan.FromSeconds(5), CreateDriver, owner);
        NextState(owner, DeviceState.Running);

        ExpectRestartAfter(owner, TimeSpan.FromSeconds(1), restarts: 1);
        ExpectRestartAfter(owner, TimeSpan.FromSeconds(2), restarts: 2);
        ExpectRestartAfter(owner, TimeSpan.FromSeconds(4), restarts: 3);
        ExpectRestartAfter(owner, TimeSpan.FromSeconds(8), restarts: 4);

        // Heal the driver only once its read after restart 4 has failed (the device thread may read later than this thread runs).
        ExpectRestartAfter(owner, TimeSpan.FromSeconds(8), restarts: 5, afterFault: () => _broken = false); // capped at max-backoff
        Next<Sample>(owner);

        Clock.Advance(TimeSpan.FromSeconds(20)); // stable for reset-after: the backoff starts again at min
        Next<Sample>(owner); // the read armed by that advance has run (and armed the next one)
        Health(device).State.Should().Be(DeviceState.Running);
        _broken = true;
        Clock.Advance(TimeSpan.FromSeconds(5));
        ExpectRestartAfter(owner, TimeSpan.FromSeconds(1), restarts: 6);
    }

    [Fact]
    public void Driver_that_cannot_be_created_is_retried_with_backoff()
    {
        var owner = CreateTestProbe("owner");
        var attempts = 0;
        StartSensor("gpio-in", TimeSpan.FromSeconds(1), () =>
        {
            if (Interlocked.Increment(ref attempts) < 3) { throw new DeviceIoException("gpiochip0 line 23 is busy (used by 'pir-old')"); }
            return new ScriptedSensorDriver("gpio-in", Clock);
        }, owner);

        Next<DeviceFault>(owner).Reason.Should().Contain("line 23 is busy");
        NextState(owner, DeviceState.Restarting);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Next<DeviceFault>(owner).Reason.Should().Contain("line 23 is busy");
        NextState(owner, DeviceState.Restarting);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Next<Sample>(owner).DeviceId.Should().Be("gpio-in");
    }

    [Fact]
    public void Jittered_backoff_stays_within_min_and_min_times_one_plus_random_factor()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var d = BackoffSupervisor.CalculateDelay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, random);
            d.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1.2));
        }

        DeviceActorSettings.Default.Should().BeEquivalentTo(new { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30), RandomFactor = 0.2, ReadTimeout = TimeSpan.FromSeconds(10) });
    }
}
