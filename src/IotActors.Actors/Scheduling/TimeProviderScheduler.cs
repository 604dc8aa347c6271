namespace IotActors.Actors;

/// <summary>An <see cref="IScheduler"/> built on <see cref="TimeProvider.CreateTimer"/>, so a manual clock drives it in tests.</summary>
internal sealed class TimeProviderScheduler(TimeProvider time) : IScheduler
{
    private sealed class Item : ICancelable
    {
        private int _cancelled;
        public ITimer? Timer;
        public required Action<Item> Run;
        public required bool Once;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0) { Timer?.Dispose(); }
        }

        public void Fire()
        {
            if (IsCancellationRequested) { return; }
            if (Once) { Cancel(); }
            Run(this);
        }
    }

    private sealed class TellState(IActorRef receiver, object message, IActorRef? sender)
    {
        public void Send(Item _) => receiver.Tell(message, sender);
    }

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Start(new Item { Run = new TellState(receiver, message, sender).Send, Once = true }, delay, Timeout.InfiniteTimeSpan);
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        if (interval <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(interval), interval, "The repeat interval must be positive."); }
        return Start(new Item { Run = new TellState(receiver, message, sender).Send, Once = false }, initialDelay, interval);
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Start(new Item { Run = _ => action(), Once = true }, delay, Timeout.InfiniteTimeSpan);
    }

    private Item Start(Item item, TimeSpan due, TimeSpan period)
    {
        if (due < TimeSpan.Zero) { due = TimeSpan.Zero; }
        var timer = time.CreateTimer(static s => ((Item)s!).Fire(), item, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        item.Timer = timer;
        timer.Change(due, period);
        return item;
    }
}
