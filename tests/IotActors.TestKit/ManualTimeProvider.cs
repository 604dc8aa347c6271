namespace IotActors.TestKit;

/// <summary>A clock that only moves on <see cref="Advance"/>, firing due timers synchronously in due-time order.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates the clock at the given start time (default 2026-01-01 UTC).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() { lock (_gate) { return _now; } }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() { lock (_gate) { return _now.UtcTicks; } }

    /// <summary>Number of active timers.</summary>
    public int ActiveTimers { get { lock (_gate) { return _timers.Count; } } }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way (also ones scheduled by callbacks).</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(delta), delta, "Time cannot go backwards."); }
        DateTimeOffset target;
        lock (_gate) { target = _now + delta; }
        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var t in _timers)
                {
                    if (t.Due <= target && (next is null || t.Due < next.Due || (t.Due == next.Due && t.Sequence < next.Sequence))) { next = t; }
                }
                if (next is null) { _now = target; return; }
                if (next.Due > _now) { _now = next.Due; }
                if (next.Period > TimeSpan.Zero) { next.Due += next.Period; next.Sequence = ++_sequence; }
                else { _timers.Remove(next); }
            }
            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due;
        public TimeSpan Period;
        public long Sequence;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) { return true; }
                Due = owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                Sequence = ++owner._sequence;
                owner._timers.Add(this);
                return true;
            }
        }

        public void Dispose() { lock (owner._gate) { owner._timers.Remove(this); } }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
