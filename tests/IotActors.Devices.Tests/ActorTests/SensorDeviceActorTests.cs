using IotActors.Devices.Abstractions;
using IotActors.Devices.Actors;

namespace IotActors.Devices.Tests.ActorTests;

public sealed class SensorDeviceActorTests : DeviceActorTestBase
{
    [Fact]
    public void Sensor_device_delivers_samples_at_its_period_on_the_manual_clock()
    {
        var owner = CreateTestProbe("owner");
        var driver = new ScriptedSensorDriver("temp-1", Clock);
        StartSensor("temp-1", TimeSpan.FromSeconds(5), () => driver, owner);

        NextState(owner, DeviceState.Running);
        var first = Next<Sample>(owner);
        first.DeviceId.Should().Be("temp-1");
        first.Metrics.Should().ContainSingle(m => m.Name == "temperature" && m.Value == 21);
        driver.LastThreadName.Should().Be("pinned:/user/temp-1/driver-1", "the driver runs on the device actor's own pinned thread");

        Clock.Advance(TimeSpan.FromSeconds(4.9));
        ExpectNo<Sample>(owner);
        driver.Reads.Should().Be(1);

        Clock.Advance(TimeSpan.FromSeconds(0.1));
        Next<Sample>(owner).Metrics[0].Value.Should().Be(22);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Next<Sample>(owner).Timestamp.Should().Be(Clock.GetUtcNow());
        driver.Reads.Should().Be(3);
    }

    [Fact]
    public void Sensor_device_never_reads_faster_than_the_driver_min_period()
    {
        var owner = CreateTestProbe("owner");
        var driver = new ScriptedSensorDriver("dht", Clock) { MinPeriod = TimeSpan.FromSeconds(2) };
        StartSensor("dht", TimeSpan.FromMilliseconds(500), () => driver, owner);
        Next<Sample>(owner);

        Clock.Advance(TimeSpan.FromSeconds(1.5));
        ExpectNo<Sample>(owner);
        Clock.Advance(TimeSpan.FromSeconds(0.5));
        Next<Sample>(owner);
        driver.Reads.Should().Be(2);
    }

    [Fact]
    public void NotReady_waits_retry_after_and_sends_no_sample()
    {
        var owner = CreateTestProbe("owner");
        var driver = new ScriptedSensorDriver("replay", Clock)
            .Then(() => SensorReadResult.NotReady(Clock.GetUtcNow(), TimeSpan.FromSeconds(3), "pacing"));
        StartSensor("replay", TimeSpan.FromSeconds(1), () => driver, owner);

        AwaitCondition(() => Logs.Entries.Any(e => e.Message.Contains("not ready (pacing)")));
        Clock.Advance(TimeSpan.FromSeconds(2.9));
        ExpectNo<Sample>(owner);
        driver.Reads.Should().Be(1, "the period (1 s) must not override the driver's RetryAfter (3 s)");

        Clock.Advance(TimeSpan.FromSeconds(0.1));
        Next<Sample>(owner);
        driver.Reads.Should().Be(2);
    }

    [Fact]
    public void Driver_fault_is_reported_with_health_and_reading_continues()
    {
        var owner = CreateTestProbe("owner");
        var driver = new ScriptedSensorDriver("temp-2", Clock)
            .Then(() => SensorReadResult.Fault(Clock.GetUtcNow(), "EIO reading in_temp_input", transient: true));
        var device = StartSensor("temp-2", TimeSpan.FromSeconds(5), () => driver, owner);

        var fault = Next<DeviceFault>(owner);
        fault.Should().Be(new DeviceFault("temp-2", "EIO reading in_temp_input", true));
        var unhealthy = Next<DeviceHealthReport>(owner, r => r.Health.ConsecutiveErrors == 1);
        unhealthy.State.Should().Be(DeviceState.Running);
        unhealthy.Health.LastErrorReason.Should().Be("EIO reading in_temp_input");

        Clock.Advance(TimeSpan.FromSeconds(5));
        Next<Sample>(owner);
        var healthy = Next<DeviceHealthReport>(owner);
        healthy.Health.ConsecutiveErrors.Should().Be(0, "a good read after a fault is a change and is reported");
        healthy.Health.TotalErrors.Should().Be(1);
        healthy.Health.LastGood.Should().Be(Clock.GetUtcNow());
        Health(device).Restarts.Should().Be(0, "a driver fault is a message, not a crash");
    }

    [Fact]
    public void EndOfData_stops_reading_reports_ended_and_is_not_restarted()
    {
        var owner = CreateTestProbe("owner");
        var created = 0;
        var driver = new ScriptedSensorDriver("replay", Clock).Then(() => SensorReadResult.EndOfData(Clock.GetUtcNow()));
        var device = StartSensor("replay", TimeSpan.FromSeconds(1), () => { created++; return driver; }, owner);

        Next<DeviceEndOfData>(owner).DeviceId.Should().Be("replay");
        NextState(owner, DeviceState.Ended);
        AwaitCondition(() => driver.Disposed, message: "the ended device actor stops and disposes its driver");

        Clock.Advance(TimeSpan.FromMinutes(5));
        ExpectNo<Sample>(owner);
        driver.Reads.Should().Be(1);
        created.Should().Be(1);
        Health(device).State.Should().Be(DeviceState.Ended);
    }

    [Fact]
    public void Subscribers_get_samples_too_and_the_current_health_on_subscribe()
    {
        var owner = CreateTestProbe("owner");
        var subscriber = CreateTestProbe("dashboard");
        var driver = new ScriptedSensorDriver("temp-3", Clock);
        var device = StartSensor("temp-3", TimeSpan.FromSeconds(5), () => driver, owner);
        Next<Sample>(owner);

        device.Tell(new SubscribeDevice(subscriber.Ref), subscriber.Ref);
        subscriber.ExpectMsg<DeviceHealthReport>().State.Should().Be(DeviceState.Running);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Next<Sample>(subscriber).DeviceId.Should().Be("temp-3");
        Next<Sample>(owner);

        device.Tell(new UnsubscribeDevice(subscriber.Ref), subscriber.Ref);
        Health(device);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Next<Sample>(owner);
        ExpectNo<Sample>(subscriber);
    }
}
