namespace IotActors.Actors;

/// <summary>Schedules messages and actions on the system's <see cref="TimeProvider"/>.</summary>
public interface IScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>; keep it short and thread-safe.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
