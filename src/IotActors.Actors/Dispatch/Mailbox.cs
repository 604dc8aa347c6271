using System.Runtime.CompilerServices;

namespace IotActors.Actors;

/// <summary>
/// An actor's mailbox: a lock-free multi-producer single-consumer user queue, a system queue processed first,
/// and an atomic status that schedules the mailbox on its dispatcher at most once.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;
    private const int SuspendUnit = 4;

    private sealed class SysNode(SystemMessage message)
    {
        public readonly SystemMessage Message = message;
        public SysNode? Next;
    }

    private MailboxNode _head;       // producers swap here
    private MailboxNode _tail;       // consumer reads from here (stub)
    private int _status;
    private SysNode? _sysHead;
    private SysNode? _sysTail;
    private readonly int _capacity;
    private int _count;
    private Queue<(object Message, IActorRef? Sender)>? _prepended;
    private volatile bool _pendingCreate;

    internal ActorCell Cell = null!;
    internal readonly MessageDispatcher Dispatcher;
    internal object? DispatcherState;

    public Mailbox(MessageDispatcher dispatcher, int capacity)
    {
        Dispatcher = dispatcher;
        _capacity = capacity;
        _head = _tail = new MailboxNode();
    }

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    public int Capacity => _capacity;

    /// <summary>Enqueues a user message from any thread.</summary>
    public void Post(object message, IActorRef? sender)
    {
        if (_capacity > 0 && Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            Cell.SystemImpl.DeadLettersRef.Overflow(message, sender, Cell.SelfRef);
            return;
        }
        var status = Volatile.Read(ref _status);
        if ((status & Closed) != 0)
        {
            Cell.SystemImpl.DeadLettersRef.Tell(new DeadLetter(message, sender, Cell.SelfRef), sender);
            return;
        }
        var node = new MailboxNode { Message = message, Sender = sender };
        var prev = Interlocked.Exchange(ref _head, node);
        Volatile.Write(ref prev.Next, node);
        if ((Volatile.Read(ref _status) & (Scheduled | Closed)) == 0) { TrySchedule(); }
    }

    /// <summary>Enqueues a system message; if the mailbox is closed it is handled as dead.</summary>
    public void PostSystem(SystemMessage message)
    {
        bool closed;
        lock (this)
        {
            closed = (_status & Closed) != 0;
            if (!closed)
            {
                var n = new SysNode(message);
                if (_sysTail is null) { _sysHead = _sysTail = n; } else { _sysTail.Next = n; _sysTail = n; }
            }
        }
        if (closed) { Cell.SystemImpl.HandleDeadSystemMessage(Cell.SelfRef, message); }
        else { Interlocked.MemoryBarrier(); TrySchedule(); }
    }

    /// <summary>Schedules the mailbox for the first time; the actor is created before any other message.</summary>
    public void StartWithCreate()
    {
        _pendingCreate = true;
        TrySchedule();
    }

    public void Suspend() => Interlocked.Add(ref _status, SuspendUnit);

    public void Resume()
    {
        var s = Volatile.Read(ref _status);
        while (s >= SuspendUnit)
        {
            var prev = Interlocked.CompareExchange(ref _status, s - SuspendUnit, s);
            if (prev == s) { break; }
            s = prev;
        }
    }

    /// <summary>Puts messages in front of the queue (used by UnstashAll); actor thread only.</summary>
    public void Prepend(IEnumerable<(object, IActorRef?)> messages)
    {
        var q = new Queue<(object, IActorRef?)>(messages);
        if (_prepended is not null) { foreach (var m in _prepended) { q.Enqueue(m); } }
        _prepended = q;
    }

    // Compares head and tail (not tail.Next): the producer's head exchange is a full fence, so a message
    // whose link is not yet visible still forces a reschedule and can never be lost.
    private bool HasUserMessages => (_prepended is { Count: > 0 }) || Volatile.Read(ref _head) != _tail;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryDequeue(out object message, out IActorRef? sender)
    {
        if (_prepended is { Count: > 0 } p)
        {
            (message, sender) = p.Dequeue();
            return true;
        }
        var next = Volatile.Read(ref _tail.Next);
        if (next is null) { message = null!; sender = null; return false; }
        _tail = next;
        message = next.Message!;
        sender = next.Sender;
        next.Message = null;
        next.Sender = null;
        if (_capacity > 0) { Interlocked.Decrement(ref _count); }
        return true;
    }

    internal void TrySchedule()
    {
        var s = Volatile.Read(ref _status);
        while ((s & (Scheduled | Closed)) == 0)
        {
            var canRun = _pendingCreate || Volatile.Read(ref _sysHead) is not null || (s < SuspendUnit && HasUserMessages);
            if (!canRun) { return; }
            var prev = Interlocked.CompareExchange(ref _status, s | Scheduled, s);
            if (prev == s)
            {
                Dispatcher.Execute(this);
                return;
            }
            s = prev;
        }
    }


    /// <summary>Thread-pool entry point.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        if (Dispatcher is ThreadPoolDispatcher) { ThreadPoolDispatcher.RunLoop(this); }
        else { Run(); }
    }

    /// <summary>Runs a batch: system messages first, then up to throughput user messages.</summary>
    public void Run()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = Cell;
        try
        {
            if ((Volatile.Read(ref _status) & Closed) == 0)
            {
                ProcessSystem();
                ProcessUser();
            }
        }
        finally
        {
            ActorCell.Current = previous;
            var s = Interlocked.And(ref _status, ~Scheduled) & ~Scheduled;
            if ((s & Closed) == 0 && (Volatile.Read(ref _sysHead) is not null || (s < SuspendUnit && HasUserMessages)))
            {
                TrySchedule();
            }
        }
    }

    private void ProcessUser()
    {
        var left = Dispatcher.Throughput;
        while (Volatile.Read(ref _status) < SuspendUnit && TryDequeue(out var message, out var sender))
        {
            Cell.Invoke(message, sender);
            if (Volatile.Read(ref _sysHead) is not null) { ProcessSystem(); }
            if (--left == 0) { break; }
        }
    }

    private void ProcessSystem()
    {
        if (_pendingCreate)
        {
            _pendingCreate = false;
            Cell.SystemInvoke(Create.Instance);
        }
        while (true)
        {
            if (Volatile.Read(ref _sysHead) is null) { return; }
            SysNode? list;
            lock (this)
            {
                list = _sysHead;
                _sysHead = _sysTail = null;
            }
            while (list is not null)
            {
                if ((Volatile.Read(ref _status) & Closed) != 0)
                {
                    Cell.SystemImpl.HandleDeadSystemMessage(Cell.SelfRef, list.Message);
                }
                else
                {
                    Cell.SystemInvoke(list.Message);
                }
                list = list.Next;
            }
        }
    }

    /// <summary>Closes the mailbox (actor thread only) and returns what was still queued.</summary>
    public List<(object Message, IActorRef? Sender)> Close()
    {
        SysNode? sys;
        lock (this)
        {
            Interlocked.Or(ref _status, Closed);
            sys = _sysHead;
            _sysHead = _sysTail = null;
        }
        for (; sys is not null; sys = sys.Next) { Cell.SystemImpl.HandleDeadSystemMessage(Cell.SelfRef, sys.Message); }
        var rest = new List<(object, IActorRef?)>();
        while (TryDequeue(out var m, out var s)) { rest.Add((m, s)); }
        Dispatcher.Detach(this);
        return rest;
    }
}
