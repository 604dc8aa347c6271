using IotActors.Devices.Abstractions;
using IotActors.Devices.Actors;
using IotActors.Devices.Actuators;
using Microsoft.Extensions.Logging;

namespace IotActors.Devices.Tests.ActorTests;

public sealed class ActuatorDeviceActorTests : DeviceActorTestBase
{
    [Fact]
    public void Actuator_confirms_the_value_the_driver_actually_wrote()
    {
        var owner = CreateTestProbe("owner");
        var driver = new ScriptedActuatorDriver("relay-1") { Hardware = _ => false }; // a relay stuck off
        var device = StartActuator("relay-1", () => driver, owner);

        device.Tell(new SetOutput(true, "temperature 25.3 > 25.0"), TestActor.Ref);
        ExpectMsg(new OutputSet("relay-1", false));
        TestActor.LastSender.Should().Be(device, "replies come from the stable device actor, not its current generation");
        Next<OutputSet>(owner).Should().Be(new OutputSet("relay-1", false), "the owner hears about writes it did not ask for");
        driver.Writes.Should().Equal(true);
    }

    [Fact]
    public void Virtual_fan_logs_fan_on_and_off_and_confirms()
    {
        var owner = CreateTestProbe("owner");
        var logger = Sys.LoggerFactory.CreateLogger("IotActors.Devices.Virtual");
        var device = StartActuator("fan-1", () => new VirtualActuatorDriver("fan-1", "virtual-fan", "Fan", false, logger, Clock), owner);

        device.Tell(new SetOutput(true, null), owner.Ref);
        Next<OutputSet>(owner).Should().Be(new OutputSet("fan-1", true));
        device.Tell(new SetOutput(false, null), owner.Ref);
        Next<OutputSet>(owner).Should().Be(new OutputSet("fan-1", false));
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        var lines = Logs.Entries.Select(e => e.Message).Where(m => m.StartsWith("Fan ", StringComparison.Ordinal)).ToList();
        lines.Should().Equal("Fan ON (fan-1)", "Fan OFF (fan-1)");
    }

    [Fact]
    public void Write_failure_replies_DeviceFault_and_counts_an_error()
    {
        var owner = CreateTestProbe("owner");
        var driver = new ScriptedActuatorDriver("fan-2") { Failure = new DeviceIoException("line 17: EBUSY") };
        var device = StartActuator("fan-2", () => driver, owner);

        device.Tell(new SetOutput(true, null), TestActor.Ref);
        var fault = ExpectMsg<DeviceFault>();
        fault.DeviceId.Should().Be("fan-2");
        fault.Reason.Should().Contain("EBUSY");
        fault.Transient.Should().BeTrue();
        Next<DeviceFault>(owner);
        Health(device).Health.ConsecutiveErrors.Should().Be(1);

        driver.Failure = null;
        device.Tell(new SetOutput(true, null), TestActor.Ref);
        ExpectMsg(new OutputSet("fan-2", true));
        Health(device).Health.ConsecutiveErrors.Should().Be(0);
    }

    [Fact]
    public void Sensor_rejects_SetOutput_with_a_clear_fault()
    {
        var owner = CreateTestProbe("owner");
        var device = StartSensor("temp-9", TimeSpan.FromSeconds(5), () => new ScriptedSensorDriver("temp-9", Clock), owner);
        device.Tell(new SetOutput(true, null), TestActor.Ref);
        var fault = ExpectMsg<DeviceFault>();
        fault.Transient.Should().BeFalse();
        fault.Reason.Should().Contain("is a sensor");
    }

    [Fact]
    public void Restarted_actuator_writes_the_last_desired_state_again()
    {
        var owner = CreateTestProbe("owner");
        var drivers = new List<ScriptedActuatorDriver>();
        var device = StartActuator("fan-3", () =>
        {
            var d = new ScriptedActuatorDriver("fan-3");
            lock (drivers) { drivers.Add(d); }
            return d;
        }, owner);
        device.Tell(new SetOutput(true, null), TestActor.Ref);
        ExpectMsg(new OutputSet("fan-3", true));

        lock (drivers) { drivers[0].Failure = new InvalidOperationException("driver bug"); }
        device.Tell(new SetOutput(false, null), TestActor.Ref);
        ExpectMsg<DeviceFault>().Reason.Should().Contain("driver bug");
        NextState(owner, DeviceState.Restarting);
        device.Tell(new SetOutput(true, null), TestActor.Ref);
        ExpectMsg<DeviceFault>().Reason.Should().Contain("will be written when it runs again");

        Clock.Advance(TimeSpan.FromSeconds(1));
        Next<OutputSet>(owner).Should().Be(new OutputSet("fan-3", true));
        lock (drivers) { drivers[1].Writes.Should().Equal(true); }
    }
}
