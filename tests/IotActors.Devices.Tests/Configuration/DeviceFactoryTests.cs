using IotActors.Devices.Abstractions;
using IotActors.Devices.Actuators;
using IotActors.Devices.Configuration;
using IotActors.Devices.Gpio;
using IotActors.Devices.Replay;
using IotActors.Devices.Simulation;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.Configuration;

public sealed class DeviceFactoryTests
{
    [Fact]
    public void Factory_creates_every_declared_driver_without_hardware()
    {
        using var dir = new TempDir();
        dir.Write("data/x.csv", "timestamp,temperature\n2025-10-24T10:00:00,20\n2025-10-24T10:01:00,21\n");
        var chip = new FakeGpioChip();
        var time = new ManualTimeProvider();
        var specs = DeviceSpecParser.Parse(
        [
            new Dictionary<string, string> { ["id"] = "fan-1", ["kind"] = "gpio-out", ["line"] = "GPIO17", ["active-low"] = "true" },
            new Dictionary<string, string> { ["id"] = "pir", ["kind"] = "gpio-in", ["line"] = "23", ["bias"] = "pull-down", ["edge"] = "rising" },
            new Dictionary<string, string> { ["id"] = "t2", ["kind"] = "simulated-temperature", ["seed"] = "7", ["target"] = "25.5" },
            new Dictionary<string, string> { ["id"] = "replay-1", ["kind"] = "dataset", ["file"] = "data/x.csv", ["speed"] = "60" },
            new Dictionary<string, string> { ["id"] = "light", ["kind"] = "virtual-light", ["initial"] = "on" },
        ]);
        using var factory = new DeviceFactory(time, openChip: (_, _) => chip, baseDirectory: dir.Path);

        using var fan = factory.CreateActuator(specs[0]);
        fan.Should().BeOfType<GpioOutputDriver>();
        chip.GetPhysical(17).Should().BeTrue("active-low output starts logically off");
        fan.Write(true).Should().BeTrue();
        chip.GetPhysical(17).Should().BeFalse();

        using var pir = factory.CreateSensor(specs[1]);
        chip.SetPhysical(23, true);
        pir.Read().ValueOf("motion-edges").Should().Be(1);

        using var sim = factory.CreateSensor(specs[2]);
        sim.Should().BeOfType<SimulatedSensorDriver>();
        sim.Read().ValueOf("temperature").Should().Be(25.5);

        using var replay = factory.CreateSensor(specs[3]);
        replay.Should().BeOfType<DatasetReplayDriver>();
        replay.Read().ValueOf("temperature").Should().Be(20);

        using var light = factory.CreateActuator(specs[4]);
        light.Should().BeOfType<VirtualActuatorDriver>().Which.Current.Should().BeTrue();

        var wrong = () => factory.CreateSensor(specs[0]);
        wrong.Should().Throw<ArgumentException>().WithMessage("*actuator*");
    }

    [Fact]
    public void Busy_gpio_line_fails_at_creation_with_the_holder_named()
    {
        var chip = new FakeGpioChip();
        chip.Claim(17, "w1-gpio");
        var spec = DeviceSpecParser.Parse([new Dictionary<string, string> { ["id"] = "fan-1", ["kind"] = "gpio-out", ["line"] = "17" }])[0];
        using var factory = new DeviceFactory(openChip: (_, _) => chip);
        var act = () => factory.CreateActuator(spec);
        act.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.LineBusy && e.Message.Contains("w1-gpio"));
    }

    [Fact]
    public void Simulated_seed_defaults_to_a_stable_value_derived_from_the_id()
    {
        var time = new ManualTimeProvider();
        var spec = DeviceSpecParser.Parse([new Dictionary<string, string> { ["id"] = "t9", ["kind"] = "simulated-temperature" }])[0];
        using var factory = new DeviceFactory(time);
        using var a = factory.CreateSensor(spec);
        using var b = factory.CreateSensor(spec);
        a.Read().Values.Should().Equal(b.Read().Values);
    }
}
