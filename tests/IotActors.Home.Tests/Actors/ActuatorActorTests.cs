using FluentAssertions;
using IotActors.Devices.Actors;
using IotActors.Home.Actors;
using IotActors.Home.Actuators;
using IotActors.Home.Audit;
using IotActors.Home.Configuration;
using IotActors.Home.Model;
using IotActors.Persistence;
using IotActors.TestKit;

namespace IotActors.Home.Tests.Actors;

public sealed class ActuatorActorTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("home-actuator-").FullName;

    [Fact]
    public async Task Actuator_persists_is_idempotent_snapshots_and_reapplies_state_before_new_commands_after_restart()
    {
        var home = HomeOptions.Default with { ActuatorSnapshotEvery = 2 };
        await using (var node = await HomeSystem.StartAsync(_dir, home, ["actuator"]))
        {
            var fan = node.Actuator();
            var client = new TestProbe(node.System);
            client.Send(fan, new SetActive("fan-1", true, "hot"));
            client.ExpectMsg<CommandResult>(r => r.Changed && r.Active, Wait);
            node.AnswerOutput().On.Should().BeTrue();
            client.Send(fan, new SetActive("fan-1", true, "still hot"));
            client.ExpectMsg<CommandResult>(r => !r.Changed && r.Active, Wait);
            client.Send(fan, new SetActive("fan-1", false, "cool"));
            client.ExpectMsg<CommandResult>(r => r.Changed && !r.Active, Wait);
            node.AnswerOutput().On.Should().BeFalse();
            client.Send(fan, new SetActive("fan-1", true, "hot again"));
            client.ExpectMsg<CommandResult>(r => r.Changed && r.Active && r.Version == 3, Wait);
            node.AnswerOutput();
            node.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
            TestKit.TestKit.AwaitCondition(() => PersistenceExtension.Get(node.System).SnapshotStore
                .LoadLatestAsync("actuator-fan-1", new SnapshotSelectionCriteria()).GetAwaiter().GetResult() is not null, Wait);
        }

        await using (var node = await HomeSystem.StartAsync(_dir, home, ["actuator"], answerDevices: false))
        {
            var reapplied = node.Hardware.ExpectMsg<SetDeviceOutput>(timeout: Wait);
            reapplied.On.Should().BeTrue("the recovered state is re-applied to the hardware first");
            var fan = await node.System.ActorSelection("/user/site-devices/actuator-fan-1").ResolveOne(Wait);
            var client = new TestProbe(node.System);
            client.Send(fan, new SetActive("fan-1", false, "operator off"));
            client.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
            node.Hardware.Reply(new OutputSet("fan-1", true));
            client.ExpectMsg<CommandResult>(r => r.Changed && !r.Active && r.Version == 4, Wait);
            node.AnswerOutput().On.Should().BeFalse();
            var events = new List<object>();
            await foreach (var e in PersistenceExtension.Get(node.System).CurrentEventsByPersistenceId("actuator-fan-1"))
            {
                events.Add(e.Event);
            }

            events.Select(e => e.GetType()).Should().Equal(typeof(Activated), typeof(Deactivated), typeof(Activated), typeof(Deactivated));
        }
    }

    [Fact]
    public async Task Actuator_applies_its_fail_safe_when_controlling_data_goes_stale()
    {
        var clock = new ManualTimeProvider();
        var home = HomeOptions.Default with { ActuatorFailSafe = FailSafeMode.Idle, SensorStaleAfter = TimeSpan.FromSeconds(30) };
        await using var node = await HomeSystem.StartAsync(_dir, home, ["actuator"], clock);
        var fan = node.Actuator();
        var client = new TestProbe(node.System);
        client.Send(fan, new SetActive("fan-1", true, "hot"));
        client.ExpectMsg<CommandResult>(r => r.Active, Wait);
        node.AnswerOutput();
        fan.Tell(new ControlFeed("fan-1", "fan-auto", clock.GetUtcNow()), null);
        clock.Advance(TimeSpan.FromSeconds(20));
        node.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        for (int i = 0; i < 12 && node.Hardware.QueuedCount == 0; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        var set = node.AnswerOutput();
        set.On.Should().BeFalse();
        set.Reason.Should().Be(FailSafePolicy.Reason);
        TestKit.TestKit.AwaitAssert(() =>
            node.Audit.QueryAsync(new AuditQuery(Target: "fan-1")).GetAwaiter().GetResult().Items.Should().Contain(r => r.Entry.Who == "fail-safe"), Wait);
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
