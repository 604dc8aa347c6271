using FluentAssertions;
using IotActors.Actors;
using IotActors.Devices.Abstractions;
using IotActors.Devices.Actuators;
using IotActors.Devices.Actors;
using IotActors.Devices.Simulation;
using IotActors.Home.Actors;
using IotActors.Home.Audit;
using IotActors.Home.Configuration;
using IotActors.Home.Site;
using IotActors.Remote;
using IotActors.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Home.Tests.Actors;

/// <summary>The simulate hook: SiteSimulation -> owning node's site-devices actor -> DeviceManager -> simulated driver.</summary>
public sealed class SimulationTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("home-sim-").FullName;

    [Fact]
    public async Task Simulate_reaches_the_device_manager_of_the_owning_node_and_is_audited()
    {
        await using var node = await StartWithSensorAsync();

        var pending = node.Site.Simulation.SimulateAsync("t1", 26.0, new Principal("olga", "operator"));
        node.Hardware.ExpectMsg<SetSimulatedTarget>(timeout: Wait).Should().Be(new SetSimulatedTarget("t1", 26.0));
        node.Hardware.Reply(new SimulatedTargetSet("t1", 26.0));
        var result = await pending.WaitAsync(Wait);

        result.Should().NotBeNull();
        result!.Accepted.Should().BeTrue(result.Detail);
        result.Target.Should().Be(26.0);
        await AwaitAudit(node, "olga", "sensor.simulate", "applied");

        var clear = node.Site.Simulation.SimulateAsync("t1", null, new Principal("olga", "operator"));
        node.Hardware.ExpectMsg<SetSimulatedTarget>(timeout: Wait).Target.Should().BeNull();
        node.Hardware.Reply(new SimulatedTargetSet("t1", null));
        (await clear.WaitAsync(Wait))!.Accepted.Should().BeTrue();
    }

    [Fact]
    public async Task Simulate_of_an_unknown_device_returns_null_and_of_an_actuator_is_refused_without_reaching_the_devices()
    {
        await using var node = await StartWithSensorAsync();
        (await node.Site.Simulation.SimulateAsync("nope", 26.0, new Principal("olga", "operator"))).Should().BeNull();
        TestKit.TestKit.AwaitCondition(() => node.Site.View.GetDeviceAsync("fan-1").GetAwaiter().GetResult() is not null, Wait);

        var refused = await node.Site.Simulation.SimulateAsync("fan-1", 26.0, new Principal("olga", "operator"));

        refused!.Accepted.Should().BeFalse();
        refused.Detail.Should().Contain("actuator");
        node.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Simulate_from_a_sensor_role_node_or_a_viewer_is_refused_and_audited_and_never_reaches_the_devices()
    {
        await using var node = await StartWithSensorAsync();
        var client = new TestProbe(node.System);
        var sensorNode = new NodeIdentity("site", "10.0.0.9", 4053, 7, ["sensor"]);

        node.Site.Devices.Tell(new SimulateSensor("t1", 30, "mallory", "operator") { Origin = sensorNode }, client.Ref);
        var fromSensorNode = client.ExpectMsg<SimulateResult>(timeout: Wait);
        node.Site.Devices.Tell(new SimulateSensor("t1", 30, "vera", "viewer"), client.Ref);
        var fromViewer = client.ExpectMsg<SimulateResult>(timeout: Wait);

        fromSensorNode.Accepted.Should().BeFalse();
        fromSensorNode.Detail.Should().Contain("dashboard node");
        fromViewer.Accepted.Should().BeFalse();
        fromViewer.Detail.Should().Contain("operators and admins");
        node.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        await AwaitAudit(node, "mallory", "sensor.simulate", "rejected");
        await AwaitAudit(node, "vera", "sensor.simulate", "rejected");
    }

    [Fact]
    public async Task Device_manager_applies_and_clears_a_target_on_a_real_simulated_driver_and_refuses_actuators()
    {
        var system = ActorSystem.Create("sim-devices");
        try
        {
            var owner = new TestProbe(system);
            var period = TimeSpan.FromMilliseconds(20);
            var devices = new[]
            {
                DeviceDefinition.Sensor("t1", "simulated-temperature", period, () => SimulatedSensorDriver.Create("t1", "temperature", 1, period, system.TimeProvider)),
                DeviceDefinition.Actuator("fan-1", "virtual-fan", () => new VirtualActuatorDriver("fan-1", "virtual-fan", "Fan", false, NullLogger.Instance, system.TimeProvider)),
            };
            var manager = system.ActorOf(DeviceManager.Props(devices, owner: owner.Ref), "devices");

            (await manager.Ask<object>(new SetSimulatedTarget("t1", 26.5), Wait)).Should().Be(new SimulatedTargetSet("t1", 26.5));
            owner.FishForMessage(m => m is Sample s && s.DeviceId == "t1" && s.Metrics.Any(v => v.Name == "temperature" && v.Value == 26.5), Wait);
            (await manager.Ask<object>(new SetSimulatedTarget("t1", null), Wait)).Should().Be(new SimulatedTargetSet("t1", null));
            owner.FishForMessage(m => m is Sample s && s.DeviceId == "t1" && s.Metrics.Any(v => v.Name == "temperature" && v.Value != 26.5), Wait);

            (await manager.Ask<object>(new SetSimulatedTarget("fan-1", 1), Wait)).Should().BeOfType<DeviceFault>()
                .Which.Reason.Should().Contain("no sensor 'fan-1'");
        }
        finally
        {
            await system.Terminate();
        }
    }

    private async Task<HomeSystem> StartWithSensorAsync()
    {
        var node = await HomeSystem.StartAsync(_dir, HomeOptions.Default with { SensorMinInterval = TimeSpan.Zero }, ["sensor", "actuator", "dashboard"], sensors: ["t1"]);
        node.Site.Devices.Tell(new Sample("t1", [new MetricValue("temperature", 21.0, "C")], DateTimeOffset.UtcNow), ActorRefs.NoSender);
        TestKit.TestKit.AwaitCondition(() => node.Site.View.GetDeviceAsync("t1").GetAwaiter().GetResult() is not null, Wait);
        return node;
    }

    private static Task AwaitAudit(HomeSystem node, string who, string what, string outcome)
    {
        TestKit.TestKit.AwaitAssert(() =>
        {
            var items = node.Audit.QueryAsync(new AuditQuery(Target: "t1", Who: who)).GetAwaiter().GetResult().Items;
            items.Select(i => (i.Entry.What, i.Entry.Outcome)).Should().Contain((what, outcome));
        }, Wait);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
