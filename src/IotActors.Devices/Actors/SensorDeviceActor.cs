using IotActors.Actors;
using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Actors;

/// <summary>Reads one sensor driver on its own pinned thread at the device's period and reports to its supervisor.</summary>
/// <remarks>
/// Every read is bracketed by <see cref="OperationStarted"/>/<see cref="OperationFinished"/> so the supervisor's watchdog can
/// see a read that never returns. The next read is due one effective period (the configured period, never shorter
/// than the driver's MinPeriod) after the start of the previous one; NotReady waits RetryAfter; after EndOfData it reads no more.
/// </remarks>
internal sealed class SensorDeviceActor(DeviceDefinition device) : ActorBase, IWithTimers
{
    private ISensorDriver? _driver;
    private TimeSpan _period;
    private long _sequence;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart()
    {
        _driver = device.CreateSensor!();
        _period = _driver.MinPeriod > device.Period ? _driver.MinPeriod : device.Period;
        Self.Tell(ReadTick.Instance, Self);
    }

    /// <inheritdoc />
    protected override void PostStop() => _driver?.Dispose();

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ReadTick:
                ReadOnce();
                return true;
            case SetSimulatedTarget target:
                ApplyTarget(target);
                return true;
            default:
                return false;
        }
    }

    private void ApplyTarget(SetSimulatedTarget target)
    {
        if (_driver is not Simulation.SimulatedSensorDriver simulated)
        {
            Sender.Tell(new DeviceFault(device.DeviceId, $"device '{device.DeviceId}' (kind '{device.Kind}') is not a simulated sensor", false), Self);
            return;
        }

        if (target.Target is { } value) { simulated.SetTarget(value); }
        else { simulated.ClearTarget(); }
        Sender.Tell(new SimulatedTargetSet(device.DeviceId, target.Target), Self);
    }

    private void ReadOnce()
    {
        var parent = Context.Parent;
        var time = Context.System.TimeProvider;
        var started = time.GetTimestamp();
        var sequence = ++_sequence;
        parent.Tell(new OperationStarted(sequence, "read"), Self);
        SensorReadResult result;
        try
        {
            result = _driver!.Read();
        }
        finally
        {
            parent.Tell(new OperationFinished(sequence), Self);
        }

        // The next read is armed before anything is reported, so whoever sees the report knows the timer is set.
        switch (result.Status)
        {
            case SensorReadStatus.Ok:
                ScheduleNext(_period - time.GetElapsedTime(started));
                parent.Tell(new Sample(device.DeviceId, result.Values, result.Timestamp), Self);
                break;
            case SensorReadStatus.Fault:
                ScheduleNext(_period - time.GetElapsedTime(started));
                parent.Tell(new DriverFaulted(new DeviceFault(device.DeviceId, result.Reason ?? "read failed", result.Transient)), Self);
                break;
            case SensorReadStatus.NotReady:
                ScheduleNext(result.RetryAfter > TimeSpan.Zero ? result.RetryAfter : _period);
                parent.Tell(new ReadDeferred(result.RetryAfter, result.Reason ?? "not ready"), Self);
                break;
            default:
                parent.Tell(new DeviceEndOfData(device.DeviceId, result.Timestamp), Self); // the supervisor stops this actor
                break;
        }
    }

    private void ScheduleNext(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero) { Timers.StartSingleTimer("read", ReadTick.Instance, delay); }
        else { Self.Tell(ReadTick.Instance, Self); }
    }
}
