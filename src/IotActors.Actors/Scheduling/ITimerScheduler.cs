namespace IotActors.Actors;

/// <summary>Per-actor named timers; they are cancelled automatically on restart and stop.</summary>
/// <remarks>Use only from inside the owning actor.</remarks>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> to self once after <paramref name="delay"/>, replacing a timer with the same key.</summary>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Sends <paramref name="message"/> to self every <paramref name="interval"/>, replacing a timer with the same key.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True if a timer with that key is active (a fired single timer is no longer active).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels a timer; a message already queued from it is not delivered.</summary>
    void Cancel(object key);

    /// <summary>Cancels all timers.</summary>
    void CancelAll();
}
