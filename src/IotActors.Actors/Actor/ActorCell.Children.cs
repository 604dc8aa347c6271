namespace IotActors.Actors;

internal sealed partial class ActorCell
{
    private ChildrenContainer EnsureChildren()
    {
        var c = Volatile.Read(ref _children);
        if (c is not null) { return c; }
        Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
        return _children!;
    }

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            var c = Volatile.Read(ref _children);
            if (c is null) { return Array.Empty<IActorRef>(); }
            lock (c)
            {
                var list = new List<IActorRef>(c.Count);
                foreach (var child in c.Snapshot())
                {
                    if (c.Dying is null || !c.Dying.Contains(child)) { list.Add(child); }
                }
                return list;
            }
        }
    }

    public IActorRef? Child(string name)
    {
        var c = Volatile.Read(ref _children);
        if (c is null) { return null; }
        lock (c)
        {
            return c.TryGetValue(name, out var child) && (c.Dying is null || !c.Dying.Contains(child)) ? child : null;
        }
    }

    internal IActorRef? GetChildByName(string name)
    {
        var c = Volatile.Read(ref _children);
        if (c is null) { return null; }
        lock (c) { return c.TryGetValue(name, out var child) ? child : null; }
    }

    public IActorRef ActorOf(Props props, string? name = null) => ActorOfInternal(props, name, allowSystemName: false);

    internal IActorRef ActorOfInternal(Props props, string? name, bool allowSystemName)
    {
        ArgumentNullException.ThrowIfNull(props);
        var container = EnsureChildren();
        if (name is not null && !allowSystemName && (name.StartsWith('$') || !ActorPath.IsValidElement(name)))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name '{name}': it must be non-empty, must not start with '$' and must not contain '/', '#', '?' or whitespace.");
        }
        var dispatcher = SystemImpl.DispatchersImpl.Lookup(props.Dispatcher);
        var capacity = props.Mailbox switch
        {
            Props.UnboundedMailboxId => 0,
            Props.BoundedMailboxId => props.MailboxCapacity ?? SystemImpl.Settings.DefaultBoundedMailboxCapacity,
            _ => throw new ConfigurationException($"Unknown mailbox id '{props.Mailbox}'. Use '{Props.UnboundedMailboxId}' or '{Props.BoundedMailboxId}'."),
        };
        ActorCell cell;
        lock (container)
        {
            if (_terminating || _terminated)
            {
                throw new IllegalActorStateException($"Cannot create child '{name}' of {SelfRef.Path}: the actor is stopping.");
            }
            name ??= EncodeName(++container.NameCounter);
            var uid = Random.Shared.NextInt64(1, long.MaxValue);
            cell = new ActorCell(SystemImpl, name, uid, props, SelfRef, dispatcher, capacity);
            if (!container.TryAdd(name, cell.SelfRef))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {SelfRef.Path}: a live or stopping child already uses it.");
            }
        }
        cell.Start();
        return cell.SelfRef;
    }

    private static string EncodeName(long n)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        Span<char> buf = stackalloc char[13];
        var i = buf.Length;
        do { buf[--i] = chars[(int)(n & 63)]; n >>= 6; } while (n != 0);
        buf[--i] = '$';
        return new string(buf[i..]);
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local && ReferenceEquals(local.Cell.ParentRef, SelfRef))
        {
            var c = EnsureChildren();
            lock (c) { (c.Dying ??= new HashSet<LocalActorRef>()).Add(local); }
        }
        ActorRefBase.AsInternal(actor).SendSystemMessage(Terminate.Instance);
    }

    private List<LocalActorRef> SnapshotChildren()
    {
        var c = Volatile.Read(ref _children);
        if (c is null) { return new List<LocalActorRef>(); }
        lock (c) { return c.Snapshot(); }
    }

    private bool HasLiveOrDyingChildren()
    {
        var c = Volatile.Read(ref _children);
        if (c is null) { return false; }
        lock (c) { return c.Count > 0; }
    }

    private bool HasDyingChildren()
    {
        var c = Volatile.Read(ref _children);
        if (c is null) { return false; }
        lock (c) { return c.HasDying; }
    }

    /// <summary>Removes a terminated child; returns true when it was one of ours.</summary>
    private bool RemoveChild(IActorRef actor)
    {
        if (actor is not LocalActorRef local) { return false; }
        var c = Volatile.Read(ref _children);
        if (c is null) { return false; }
        lock (c)
        {
            if (!c.TryGetValue(local.Name, out var existing) || !ReferenceEquals(existing, local)) { return false; }
            c.Remove(local.Name);
            c.Dying?.Remove(local);
            return true;
        }
    }

    private bool IsChild(IActorRef actor)
    {
        if (actor is not LocalActorRef local) { return false; }
        var c = Volatile.Read(ref _children);
        if (c is null) { return false; }
        lock (c) { return c.TryGetValue(local.Name, out var e) && ReferenceEquals(e, local) && (c.Dying is null || !c.Dying.Contains(local)); }
    }
}
