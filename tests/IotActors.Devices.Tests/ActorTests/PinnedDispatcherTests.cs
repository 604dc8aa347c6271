using IotActors.Devices.Actors;

namespace IotActors.Devices.Tests.ActorTests;

public sealed class PinnedDispatcherTests : DeviceActorTestBase
{
    private readonly ManualResetEventSlim _gateA = new(false);
    private readonly ManualResetEventSlim _gateB = new(false);

    [Fact]
    public void Two_blocking_devices_do_not_block_each_other()
    {
        var ownerA = CreateTestProbe("owner-a");
        var ownerB = CreateTestProbe("owner-b");
        var a = new ScriptedSensorDriver("a", Clock) { Gate = _gateA };
        var b = new ScriptedSensorDriver("b", Clock) { Gate = _gateB };
        StartSensor("a", TimeSpan.FromSeconds(1), () => a, ownerA);
        StartSensor("b", TimeSpan.FromSeconds(1), () => b, ownerB);

        AwaitCondition(() => a.Entered.IsSet && b.Entered.IsSet, message: "both drivers must be blocked in Read at the same time");
        a.LastThreadName.Should().Be("pinned:/user/a/driver-1");
        b.LastThreadName.Should().Be("pinned:/user/b/driver-1");

        _gateB.Set();
        Next<Sample>(ownerB).DeviceId.Should().Be("b", "b completes while a is still blocked");
        ExpectNo<Sample>(ownerA);
        a.Reads.Should().Be(1);

        _gateA.Set();
        Next<Sample>(ownerA).DeviceId.Should().Be("a");
    }

    protected override void Dispose(bool disposing)
    {
        _gateA.Set();
        _gateB.Set();
        base.Dispose(disposing);
        if (disposing)
        {
            _gateA.Dispose();
            _gateB.Dispose();
        }
    }
}
