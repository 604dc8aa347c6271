namespace IotActors.Actors;

/// <summary>Immutable recipe for creating an actor: factory, dispatcher, mailbox and supervision options.</summary>
public sealed class Props
{
    /// <summary>The dispatcher id used when none is chosen.</summary>
    public const string DefaultDispatcherId = "default-dispatcher";

    /// <summary>The dispatcher id giving each actor its own dedicated thread (for blocking device I/O).</summary>
    public const string PinnedDispatcherId = "pinned-dispatcher";

    /// <summary>The mailbox id of the default unbounded mailbox.</summary>
    public const string UnboundedMailboxId = "unbounded-mailbox";

    /// <summary>The mailbox id of the bounded mailbox that drops overflow to dead letters.</summary>
    public const string BoundedMailboxId = "bounded-mailbox";

    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, string dispatcher, string mailbox, int? mailboxCapacity, SupervisorStrategy? strategy, int? stashCapacity)
    {
        ActorType = actorType;
        _factory = factory;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        MailboxCapacity = mailboxCapacity;
        SupervisorStrategy = strategy;
        StashCapacity = stashCapacity;
    }

    /// <summary>The type of actor created.</summary>
    public Type ActorType { get; }

    /// <summary>The dispatcher id.</summary>
    public string Dispatcher { get; }

    /// <summary>The mailbox id.</summary>
    public string Mailbox { get; }

    /// <summary>Capacity of a bounded mailbox, or null for the settings default.</summary>
    public int? MailboxCapacity { get; }

    /// <summary>Strategy used to supervise the actor's children; overrides the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Maximum stash size for actors implementing <see cref="IWithStash"/>, or null for the settings default.</summary>
    public int? StashCapacity { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<T>() where T : ActorBase, new() => new(typeof(T), static () => new T(), DefaultDispatcherId, UnboundedMailboxId, null, null, null);

    /// <summary>Props using a factory invoked for every (re)start, e.g. <c>Props.Create(() => new Sensor(id))</c>.</summary>
    public static Props Create<T>(Func<T> factory) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(T), factory, DefaultDispatcherId, UnboundedMailboxId, null, null, null);
    }

    /// <summary>Props creating <paramref name="actorType"/> with the given constructor arguments (reflection).</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"Type {actorType.FullName} is not a concrete ActorBase subclass.", nameof(actorType));
        }
        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!, DefaultDispatcherId, UnboundedMailboxId, null, null, null);
    }

    /// <summary>Returns a copy using the given dispatcher id (<see cref="DefaultDispatcherId"/> or <see cref="PinnedDispatcherId"/>).</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcherId);
        return new Props(ActorType, _factory, dispatcherId, Mailbox, MailboxCapacity, SupervisorStrategy, StashCapacity);
    }

    /// <summary>Returns a copy using the given mailbox id (<see cref="UnboundedMailboxId"/> or <see cref="BoundedMailboxId"/>).</summary>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        return new Props(ActorType, _factory, Dispatcher, mailboxId, MailboxCapacity, SupervisorStrategy, StashCapacity);
    }

    /// <summary>Returns a copy using a bounded mailbox of the given capacity; overflow goes to dead letters.</summary>
    public Props WithBoundedMailbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new Props(ActorType, _factory, Dispatcher, BoundedMailboxId, capacity, SupervisorStrategy, StashCapacity);
    }

    /// <summary>Returns a copy whose children are supervised with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, _factory, Dispatcher, Mailbox, MailboxCapacity, strategy, StashCapacity);
    }

    /// <summary>Returns a copy with a bounded stash; stashing beyond it throws <see cref="StashOverflowException"/>.</summary>
    public Props WithStashCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new Props(ActorType, _factory, Dispatcher, Mailbox, MailboxCapacity, SupervisorStrategy, capacity);
    }

    internal ActorBase NewActor() => _factory();

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name}, dispatcher={Dispatcher}, mailbox={Mailbox})";
}
