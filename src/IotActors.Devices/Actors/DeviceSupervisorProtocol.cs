using IotActors.Actors;

namespace IotActors.Devices.Actors;

/// <summary>A device actor is about to call its driver (read or write); the supervisor arms the watchdog.</summary>
internal sealed record OperationStarted(long Sequence, string What);

/// <summary>The driver call returned; the supervisor disarms the watchdog.</summary>
internal sealed record OperationFinished(long Sequence);

/// <summary>Watchdog timer: the driver call <paramref name="Sequence"/> of generation <paramref name="Generation"/> did not return in time.</summary>
internal sealed record OperationTimedOut(int Generation, long Sequence);

/// <summary>Backoff timer: create the next generation of the device actor.</summary>
internal sealed record StartDevice(int Generation);

/// <summary>Reset timer: the generation ran long enough; the backoff starts again at its minimum.</summary>
internal sealed record ResetBackoff(int Generation);

/// <summary>An actuator wrote its output; the supervisor tells the owner and subscribers other than <paramref name="ReplyTo"/>.</summary>
internal sealed record OutputApplied(OutputSet Result, IActorRef ReplyTo);

/// <summary>The driver returned a fault (not a crash); the supervisor counts it and reports it.</summary>
internal sealed record DriverFaulted(DeviceFault Fault);

/// <summary>The driver said NotReady; the sensor reads again after <paramref name="RetryAfter"/>.</summary>
internal sealed record ReadDeferred(TimeSpan RetryAfter, string Reason);

/// <summary>Tick of a sensor device actor: read the driver now.</summary>
internal sealed record ReadTick
{
    public static ReadTick Instance { get; } = new();
}
