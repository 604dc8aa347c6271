using IotActors.Devices.Actors;
using IotActors.Devices.Configuration;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.ActorTests;

public sealed class DeviceManagerTests : DeviceActorTestBase
{
    private static IReadOnlyList<DeviceSpec> Specs(params Dictionary<string, string>[] entries) => DeviceSpecParser.Parse(entries);

    [Fact]
    public void DeviceManager_from_config_runs_a_simulated_sensor_and_a_virtual_fan()
    {
        var specs = Specs(
            new() { ["id"] = "living-room-temp", ["kind"] = "simulated-temperature", ["period"] = "5s", ["target"] = "25.5" },
            new() { ["id"] = "fan-1", ["kind"] = "virtual-fan" });
        using var factory = new DeviceFactory(Clock, Sys.LoggerFactory);
        var owner = CreateTestProbe("home");
        var manager = Sys.ActorOf(DeviceManager.Props(DeviceDefinitions.FromSpecs(specs, factory), Settings, owner.Ref), "devices");

        manager.Tell(ListDevices.Instance, TestActor.Ref);
        var list = ExpectMsg<DeviceList>().Devices;
        list.Select(d => (d.DeviceId, d.Kind, d.IsActuator)).Should().Equal(("living-room-temp", "simulated-temperature", false), ("fan-1", "virtual-fan", true));
        list[0].Device.Path.ToString().Should().EndWith("/user/devices/living-room-temp");

        var sample = Next<Sample>(owner);
        sample.DeviceId.Should().Be("living-room-temp");
        sample.Metrics.Single(m => m.Name == "temperature").Value.Should().Be(25.5);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Next<Sample>(owner).DeviceId.Should().Be("living-room-temp");

        manager.Tell(new SetDeviceOutput("fan-1", true, "temperature 25.5 > 25.0"), TestActor.Ref);
        ExpectMsg(new OutputSet("fan-1", true));
        Next<OutputSet>(owner).Should().Be(new OutputSet("fan-1", true));
        AwaitCondition(() => Logs.Entries.Any(e => e.Message == "Fan ON (fan-1)"));

        manager.Tell(new SetDeviceOutput("living-room-temp", true, null), TestActor.Ref);
        ExpectMsg<DeviceFault>().Reason.Should().Contain("is a sensor, not an actuator").And.Contain("[fan-1]");
        manager.Tell(new SetDeviceOutput("garage-fan", true, null), TestActor.Ref);
        ExpectMsg<DeviceFault>().Reason.Should().Be("no device 'garage-fan' on this node; actuators on this node: [fan-1]");
    }

    [Fact]
    public void Owner_can_be_set_later()
    {
        var specs = Specs(new Dictionary<string, string> { ["id"] = "t", ["kind"] = "simulated-humidity", ["period"] = "1s" });
        using var factory = new DeviceFactory(Clock, Sys.LoggerFactory);
        var manager = Sys.ActorOf(DeviceManager.Props(DeviceDefinitions.FromSpecs(specs, factory), Settings), "devices");
        var owner = CreateTestProbe("late-owner");
        manager.Tell(new SetDevicesOwner(owner.Ref), TestActor.Ref);
        manager.Tell(ListDevices.Instance, TestActor.Ref);
        ExpectMsg<DeviceList>();

        Clock.Advance(TimeSpan.FromSeconds(1));
        Next<Sample>(owner).DeviceId.Should().Be("t");
    }

    [Fact]
    public void Samples_taken_before_the_owner_is_set_are_handed_over_in_order_when_it_is()
    {
        var specs = Specs(new Dictionary<string, string> { ["id"] = "t", ["kind"] = "simulated-humidity", ["period"] = "1s" });
        using var factory = new DeviceFactory(Clock, Sys.LoggerFactory);
        var manager = Sys.ActorOf(DeviceManager.Props(DeviceDefinitions.FromSpecs(specs, factory), Settings), "devices");
        manager.Tell(ListDevices.Instance, TestActor.Ref);
        var device = ExpectMsg<DeviceList>().Devices.Single().Device;
        AwaitAssert(() =>
        {
            device.Tell(GetDeviceHealth.Instance, TestActor.Ref);
            ExpectMsg<DeviceHealthReport>().Health.TotalGood.Should().BeGreaterThan(0, "the first sample is taken at start");
        });

        var owner = CreateTestProbe("late-owner");
        manager.Tell(new SetDevicesOwner(owner.Ref), TestActor.Ref);

        var first = Next<Sample>(owner);
        first.DeviceId.Should().Be("t");
        first.Timestamp.Should().Be(Clock.GetUtcNow(), "the sample taken at start, before any owner, is not lost (the clock has not moved)");
    }

    [Fact]
    public void Bad_config_stops_with_the_entry_named()
    {
        var act = () => Specs(
            new() { ["id"] = "ok", ["kind"] = "virtual-fan" },
            new() { ["id"] = "kitchen", ["kind"] = "dht23" });
        act.Should().Throw<DeviceConfigurationException>().WithMessage("*devices[1] (id 'kitchen'): key 'kind': unknown kind 'dht23'*");
    }

    [Fact]
    public void Driver_that_cannot_be_created_at_start_up_names_the_entry()
    {
        using var dir = new TempDir();
        var specs = Specs(
            new() { ["id"] = "fan", ["kind"] = "virtual-fan" },
            new() { ["id"] = "replay", ["kind"] = "dataset", ["file"] = "missing.csv" });
        using var factory = new DeviceFactory(Clock, Sys.LoggerFactory, baseDirectory: dir.Path);
        var act = () => DeviceDefinitions.FromSpecs(specs, factory);
        act.Should().Throw<DeviceConfigurationException>()
            .Which.Errors.Should().ContainSingle().Which.Should().StartWith("devices[1] (id 'replay', kind 'dataset'): cannot create the driver:").And.Contain("missing.csv");
    }

    [Fact]
    public void Duplicate_ids_and_bad_settings_are_rejected_when_props_are_made()
    {
        var fan = DeviceDefinition.Actuator("fan", "virtual-fan", () => new ScriptedActuatorDriver("fan"));
        var dup = () => DeviceManager.Props([fan, fan]);
        dup.Should().Throw<DeviceConfigurationException>().WithMessage("*device id 'fan' is used 2 times*");
        var bad = () => DeviceManager.Props([fan], Settings with { MaxBackoff = TimeSpan.FromMilliseconds(10) });
        bad.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*backoff.max must be >= backoff.min*");
    }
}
