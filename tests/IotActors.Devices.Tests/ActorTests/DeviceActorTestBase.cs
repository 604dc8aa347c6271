using IotActors.Actors;
using IotActors.Devices.Abstractions;
using IotActors.Devices.Actors;
using IotActors.TestKit;

namespace IotActors.Devices.Tests.ActorTests;

/// <summary>A test system on a manual clock with helpers to start device actors and read their messages.</summary>
public abstract class DeviceActorTestBase : TestKit.TestKit
{
    protected DeviceActorTestBase()
        : this(new ManualTimeProvider())
    {
    }

    private DeviceActorTestBase(ManualTimeProvider clock)
        : base(timeProvider: clock) => Clock = clock;

    protected ManualTimeProvider Clock { get; }

    /// <summary>Deterministic settings: backoff 1 s..8 s without jitter, reset after 20 s, read timeout 10 s.</summary>
    protected static DeviceActorSettings Settings { get; } = new()
    {
        MinBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(8),
        RandomFactor = 0,
        ResetBackoffAfter = TimeSpan.FromSeconds(20),
        ReadTimeout = TimeSpan.FromSeconds(10),
        RandomSeed = 7,
    };

    protected IActorRef StartSensor(string id, TimeSpan period, Func<ISensorDriver> create, TestProbe owner, DeviceActorSettings? settings = null) =>
        Sys.ActorOf(DeviceActors.Props(DeviceDefinition.Sensor(id, "scripted", period, create), owner.Ref, settings ?? Settings), id);

    protected IActorRef StartActuator(string id, Func<IActuatorDriver> create, TestProbe owner, DeviceActorSettings? settings = null) =>
        Sys.ActorOf(DeviceActors.Props(DeviceDefinition.Actuator(id, "scripted-out", create), owner.Ref, settings ?? Settings), id);

    /// <summary>Skips other messages until a <typeparamref name="T"/> that matches arrives.</summary>
    protected static T Next<T>(TestProbe probe, Func<T, bool>? match = null, TimeSpan? timeout = null) =>
        (T)probe.FishForMessage(m => m is T t && (match is null || match(t)), timeout ?? TimeSpan.FromSeconds(5));

    protected static DeviceHealthReport NextState(TestProbe probe, DeviceState state) =>
        Next<DeviceHealthReport>(probe, r => r.State == state);

    /// <summary>Round trip through the device actor: everything it was sent before has been handled.</summary>
    protected DeviceHealthReport Health(IActorRef device)
    {
        var probe = CreateTestProbe();
        device.Tell(GetDeviceHealth.Instance, probe.Ref);
        return probe.ExpectMsg<DeviceHealthReport>(timeout: TimeSpan.FromSeconds(5));
    }

    /// <summary>Asserts the probe gets no message of type <typeparamref name="T"/> for a short while.</summary>
    protected static void ExpectNo<T>(TestProbe probe, TimeSpan? duration = null)
    {
        var max = duration ?? TimeSpan.FromMilliseconds(200);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < max)
        {
            var message = probe.ReceiveOne(max - watch.Elapsed);
            if (message is null) { return; }
            message.Should().NotBeOfType<T>();
        }
    }
}
