namespace IotActors.Actors;

/// <summary>The runtime state of one actor: its instance, mailbox, children, watchers and behaviors.</summary>
/// <remarks>All members except the child-creation and lookup ones run on the actor's own thread.</remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] internal static ActorCell? Current;

    internal readonly ActorSystem SystemImpl;
    internal readonly LocalActorRef SelfRef;
    internal readonly ActorRefBase ParentRef;
    internal readonly Props PropsValue;
    internal readonly Mailbox Mailbox;
    internal ChildRestartStats? RestartStats;

    private ActorBase? _actor;
    private object? _currentMessage;
    private long _invocations; // counts messages handed to the actor; the stash uses it to refuse stashing one delivery twice
    private IActorRef? _currentSender;
    private ChildrenContainer? _children;
    private CellExtras? _extras;
    private object? _failedMessage;
    private Exception? _pendingRecreate;
    private bool _isFailed;
    private bool _terminating;
    private bool _terminated;
    private bool _awaitingTask;

    public ActorCell(ActorSystem system, ActorPath path, Props props, ActorRefBase parent, MessageDispatcher dispatcher, int mailboxCapacity)
        : this(system, parent, props, dispatcher, mailboxCapacity) => SelfRef = new LocalActorRef(this, path);

    public ActorCell(ActorSystem system, string name, long uid, Props props, ActorRefBase parent, MessageDispatcher dispatcher, int mailboxCapacity)
        : this(system, parent, props, dispatcher, mailboxCapacity) => SelfRef = new LocalActorRef(this, parent.Path, name, uid);

    private ActorCell(ActorSystem system, ActorRefBase parent, Props props, MessageDispatcher dispatcher, int mailboxCapacity)
    {
        SystemImpl = system;
        PropsValue = props;
        ParentRef = parent;
        SelfRef = null!;
        Mailbox = new Mailbox(dispatcher, mailboxCapacity) { Cell = this };
    }

    internal void Start()
    {
        Mailbox.Dispatcher.Attach(Mailbox);
        Mailbox.StartWithCreate();
    }

    private CellExtras Extras => _extras ??= new CellExtras();

    internal IActorRef? CurrentSender => _currentSender;

    public IActorRef Self => SelfRef;
    public IActorRef Sender => _currentSender ?? SystemImpl.DeadLetters;
    public IActorRef Parent => ParentRef;
    public ActorSystem System => SystemImpl;
    public Props Props => PropsValue;
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    internal void Invoke(object message, IActorRef? sender)
    {
        _invocations++;
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            if (_extras?.ReceiveTimeout is not null && message is not INotInfluenceReceiveTimeout) { _extras.LastActivity = SystemImpl.TimeProvider.GetTimestamp(); }
            if (message is IAutoReceivedMessage) { AutoReceive(message); }
            else { ReceiveMessage(message); }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, message);
        }
        finally
        {
            if (!_awaitingTask)
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }
    }

    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var behaviors = _extras?.Behaviors;
        var handled = behaviors is { Count: > 0 } ? behaviors[^1](message) : actor.Receive(message);
        if (!handled) { actor.UnhandledInternal(message); }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                Stop(SelfRef);
                break;
            case Kill:
                throw new ActorKilledException($"Actor {SelfRef.Path} was killed by a Kill message.");
            case Terminated t:
                if (_extras?.TerminatedQueued?.Remove(t.ActorRef) == true) { ReceiveMessage(t); }
                break;
            case ReceiveTimeoutCheck check:
                HandleReceiveTimeoutCheck(check);
                break;
            case TimerMessage timer:
                ReceiveTimer(timer);
                break;
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, SelfRef), SelfRef);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    internal void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create: HandleCreate(); break;
                case Terminate: HandleTerminate(); break;
                case Recreate r: HandleRecreate(r.Cause); break;
                case ResumeActor: HandleResume(); break;
                case SuspendActor: HandleSuspend(); break;
                case Failed f: HandleChildFailed(f); break;
                case Watch w: HandleWatch(w); break;
                case Unwatch u: HandleUnwatch(u); break;
                case DeathWatchNotification d: HandleDeathWatchNotification(d); break;
                case AsyncHandlerCompleted a: HandleAsyncCompleted(a.Task); break;
                case EventStreamSubscribed: MarkEventStreamSubscribed(); break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, null);
        }
    }

    public override string ToString() => $"ActorCell({SelfRef.Path})";
}
