using IotActors.Actors;
using IotActors.Devices.Actors;
using IotActors.TestKit;

namespace IotActors.Devices.Tests.ActorTests;

public sealed class HungDriverTests : DeviceActorTestBase
{
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly List<ScriptedSensorDriver> _drivers = [];

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    /// <summary>The first driver hangs in Read until the gate opens; later ones work.</summary>
    private ScriptedSensorDriver CreateDriver()
    {
        lock (_drivers)
        {
            var driver = new ScriptedSensorDriver("stuck", Clock) { Gate = _drivers.Count == 0 ? _gate : null };
            _drivers.Add(driver);
            return driver;
        }
    }

    private int Created { get { lock (_drivers) { return _drivers.Count; } } }

    private IActorRef StartHangingDevice(TestProbe owner, DeviceActorSettings? settings = null)
    {
        var device = StartSensor("stuck", TimeSpan.FromSeconds(5), CreateDriver, owner, settings);
        AwaitCondition(() => Created == 1 && _drivers[0].Entered.IsSet, message: "the first read must be blocked in the driver");
        Health(device).State.Should().Be(DeviceState.Running); // round trip: the watchdog is armed
        return device;
    }

    [Fact]
    public void Hung_driver_is_detected_by_the_watchdog_reported_and_restarted_while_other_actors_keep_working()
    {
        var owner = CreateTestProbe("owner");
        var otherOwner = CreateTestProbe("other-owner");
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        StartSensor("other", TimeSpan.FromSeconds(5), () => new ScriptedSensorDriver("other", Clock), otherOwner);
        Next<Sample>(otherOwner);
        var device = StartHangingDevice(owner);

        echo.Tell("ping", TestActor.Ref);
        ExpectMsg("ping");
        Clock.Advance(TimeSpan.FromSeconds(9.9));
        Next<Sample>(otherOwner).DeviceId.Should().Be("other", "another device keeps reading while this one hangs");
        ExpectNo<DeviceFault>(owner);

        Clock.Advance(TimeSpan.FromSeconds(0.1));
        var fault = Next<DeviceFault>(owner);
        fault.Reason.Should().Contain("read did not return within 10s").And.Contain("abandoned");
        fault.Transient.Should().BeTrue();
        var restarting = NextState(owner, DeviceState.Restarting);
        restarting.AbandonedThreads.Should().Be(1);
        restarting.Health.LastErrorReason.Should().Contain("read-timeout");

        echo.Tell("still there?", TestActor.Ref);
        ExpectMsg("still there?");
        Clock.Advance(TimeSpan.FromSeconds(1));
        NextState(owner, DeviceState.Running);
        Next<Sample>(owner).DeviceId.Should().Be("stuck");
        Created.Should().Be(2);
        _drivers[1].LastThreadName.Should().Be("pinned:/user/stuck/driver-2", "a fresh actor on a fresh thread replaces the stuck one");

        Clock.Advance(TimeSpan.FromSeconds(5));
        Next<Sample>(otherOwner);
        Next<Sample>(owner);

        _gate.Set(); // the stuck call returns at last: the abandoned actor stops and its thread ends
        AwaitAssert(() => Health(device).AbandonedThreads.Should().Be(0));
        AwaitCondition(() => _drivers[0].Disposed, message: "the abandoned actor disposes its driver once it returns");
    }

    [Fact]
    public void Device_stalls_at_max_abandoned_threads_until_a_stuck_thread_returns()
    {
        var owner = CreateTestProbe("owner");
        var device = StartHangingDevice(owner, Settings with { MaxAbandonedThreads = 1 });

        Clock.Advance(TimeSpan.FromSeconds(10));
        Next<DeviceFault>(owner).Transient.Should().BeTrue();
        var stalled = Next<DeviceFault>(owner);
        stalled.Transient.Should().BeFalse();
        stalled.Reason.Should().Contain("max-abandoned-threads = 1");
        NextState(owner, DeviceState.Stalled);

        Clock.Advance(TimeSpan.FromMinutes(1));
        ExpectNo<DeviceHealthReport>(owner);
        Created.Should().Be(1, "no new thread may start while the limit of stuck threads is reached");

        _gate.Set();
        NextState(owner, DeviceState.Restarting);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Next<Sample>(owner);
        Created.Should().Be(2);
        Health(device).AbandonedThreads.Should().Be(0);
    }

    [Fact]
    public void System_terminates_while_an_abandoned_driver_thread_is_still_stuck()
    {
        var owner = CreateTestProbe("owner");
        StartHangingDevice(owner);
        Clock.Advance(TimeSpan.FromSeconds(10));
        NextState(owner, DeviceState.Restarting);

        Sys.Terminate().Wait(TimeSpan.FromSeconds(5)).Should().BeTrue("an abandoned actor must not hold up termination");
        _gate.IsSet.Should().BeFalse();
    }

    protected override void Dispose(bool disposing)
    {
        _gate.Set();
        base.Dispose(disposing);
        if (disposing) { _gate.Dispose(); }
    }
}
