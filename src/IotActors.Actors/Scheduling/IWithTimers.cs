namespace IotActors.Actors;

/// <summary>Implement on an actor to get a <see cref="ITimerScheduler"/> injected before the constructor returns to the runtime.</summary>
public interface IWithTimers
{
    /// <summary>The timers; set by the runtime.</summary>
    ITimerScheduler Timers { get; set; }
}
