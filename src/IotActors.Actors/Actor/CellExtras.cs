namespace IotActors.Actors;

/// <summary>Rarely used per-actor state, allocated on first use to keep idle actors small.</summary>
internal sealed class CellExtras
{
    public List<Receive>? Behaviors;
    public HashSet<IActorRef>? Watching;
    public HashSet<IActorRef>? WatchedBy;
    public HashSet<IActorRef>? TerminatedQueued;
    public TimeSpan? ReceiveTimeout;
    public ICancelable? ReceiveTimeoutTask;
    public long LastActivity;
    public int ReceiveTimeoutGeneration;
    public List<(object Message, IActorRef? Sender)>? Stash;
    public TimerScheduler? Timers;
    public bool SubscribedToEventStream;
}
