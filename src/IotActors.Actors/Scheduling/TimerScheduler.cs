namespace IotActors.Actors;

internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, (int Generation, ICancelable Task, bool Repeat)> _timers = new();
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var envelope = new TimerMessage(key, generation, message);
        var scheduler = cell.SystemImpl.Scheduler;
        var task = interval is { } i
            ? scheduler.ScheduleTellRepeatedly(delay, i, cell.SelfRef, envelope, cell.SelfRef)
            : scheduler.ScheduleTellOnce(delay, cell.SelfRef, envelope, cell.SelfRef);
        _timers[key] = (generation, task, interval is not null);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var t)) { t.Task.Cancel(); }
    }

    public void CancelAll()
    {
        foreach (var t in _timers.Values) { t.Task.Cancel(); }
        _timers.Clear();
    }

    /// <summary>Returns true if the timer message is current; single timers become inactive.</summary>
    internal bool Accept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var t) || t.Generation != message.Generation) { return false; }
        if (!t.Repeat) { _timers.Remove(message.Key); }
        return true;
    }
}
