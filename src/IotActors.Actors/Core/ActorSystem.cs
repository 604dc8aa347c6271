using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Actors;

/// <summary>A hierarchy of actors sharing dispatchers, scheduler, event stream and extensions.</summary>
/// <remarks>Thread-safe. Create with <see cref="Create(string, ActorSystemSettings?, ILoggerFactory?, TimeProvider?)"/>; end with <see cref="Terminate"/>.</remarks>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();
    private readonly List<Func<Task>> _terminationHooks = new();
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = loggerFactory;
        TimeProvider = timeProvider;
        KernelLogger = loggerFactory.CreateLogger("IotActors.Actors");
        DispatchersImpl = new Dispatchers(settings);
        Scheduler = new TimeProviderScheduler(timeProvider);
        EventStream = new EventStream();
        Provider = new ActorRefProvider(this);
        DeadLettersRef = new DeadLettersRef(this, Provider.RootPath.Child("deadLetters"));
        var rootParent = new RootParentRef(this, Provider.RootPath.Child("bubble-walker"));
        var guardianProps = Props.Create(static () => new GuardianActor());
        _root = new ActorCell(this, Provider.RootPath, guardianProps, rootParent, DispatchersImpl.Lookup(Props.DefaultDispatcherId), 0);
        _root.Start();
        _userGuardian = ((LocalActorRef)_root.ActorOfInternal(guardianProps, "user", true)).Cell;
        _systemGuardian = ((LocalActorRef)_root.ActorOfInternal(guardianProps, "system", true)).Cell;
    }

    /// <summary>Creates and starts an actor system.</summary>
    /// <param name="name">System name: letters, digits, '-' and '_'.</param>
    /// <param name="settings">Settings, or <see cref="ActorSystemSettings.Default"/>.</param>
    /// <param name="loggerFactory">Logger factory, or <see cref="NullLoggerFactory"/>.</param>
    /// <param name="timeProvider">Clock for scheduler, timers, receive timeouts and asks; inject a manual one in tests.</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        if (!ActorPath.IsValidSystemName(name))
        {
            throw new ArgumentException($"Invalid actor system name '{name}': use only ASCII letters, digits, '-' and '_'.", nameof(name));
        }
        settings ??= ActorSystemSettings.Default;
        settings.Validate();
        return new ActorSystem(name, settings, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The system name.</summary>
    public string Name { get; }

    /// <summary>The settings.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The logger factory actors log through.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The clock driving scheduler, timers and ask timeouts.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Schedules messages on <see cref="TimeProvider"/>.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>The system event stream.</summary>
    public EventStream EventStream { get; }

    /// <summary>Resolves paths to refs; the remoting hook lives here.</summary>
    public ActorRefProvider Provider { get; }

    /// <summary>The address other nodes reach this system at (local: <c>iot://name</c>).</summary>
    public Address Address => Provider.Address;

    /// <summary>The dead-letters ref.</summary>
    public IActorRef DeadLetters => DeadLettersRef;

    /// <summary>Number of messages that went to dead letters, including bounded-mailbox overflow.</summary>
    public long DeadLetterCount => DeadLettersRef.Count;

    /// <summary>Number of messages dropped because a bounded mailbox was full.</summary>
    public long MailboxOverflowCount => DeadLettersRef.OverflowCount;

    /// <summary>Completes when all actors stopped and the termination hooks ran.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal DeadLettersRef DeadLettersRef { get; }
    internal Dispatchers DispatchersImpl { get; }
    internal ILogger KernelLogger { get; }
    internal IActorRef RootGuardian => _root.SelfRef;

    /// <summary>The parent of top-level user actors (<c>/user</c>).</summary>
    public IActorRef UserGuardian => _userGuardian.SelfRef;

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Creates an infrastructure actor under <c>/system</c> (for remoting, cluster, persistence).</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    /// <summary>Selects actors by an absolute path (<c>/user/a/b</c> or <c>iot://name/user/a</c>).</summary>
    public ActorSelection ActorSelection(string path) => SelectionFrom(RootGuardian, path);

    internal ActorSelection SelectionFrom(IActorRef anchor, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains("://", StringComparison.Ordinal))
        {
            var parsed = ActorPath.Parse(path);
            return Provider.IsLocalAddress(parsed.Address)
                ? new ActorSelection(this, RootGuardian, parsed.Elements)
                : new ActorSelection(this, Provider.ResolveActorRef(parsed), []);
        }
        if (path.StartsWith('/')) { anchor = RootGuardian; }
        return new ActorSelection(this, anchor, path.Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Resolves a path string to a local ref, a remote ref (via the registered factory) or dead letters.</summary>
    public IActorRef ResolveActorRef(string path) => Provider.ResolveActorRef(path);

    /// <summary>Stops an actor asynchronously.</summary>
    public void Stop(IActorRef actor) => _userGuardian.Stop(actor);

    /// <summary>Registers an extension once per system and returns it (the existing instance if already registered).</summary>
    public T RegisterExtension<T>(Func<ActorSystem, T> factory) where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (T)_extensions.GetOrAdd(typeof(T), _ => new Lazy<object>(() => factory(this))).Value;
    }

    /// <summary>Returns a registered extension, or null.</summary>
    public T? GetExtension<T>() where T : class => _extensions.TryGetValue(typeof(T), out var lazy) ? (T)lazy.Value : null;

    /// <summary>True when an extension of that type is registered.</summary>
    public bool HasExtension<T>() where T : class => _extensions.ContainsKey(typeof(T));

    /// <summary>Registers a hook run (in registration order) after all actors stopped, before <see cref="WhenTerminated"/> completes.</summary>
    public void RegisterOnTermination(Func<Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_terminationHooks)
        {
            if (Volatile.Read(ref _terminating) != 0) { throw new IllegalActorStateException($"Actor system {Name} is already terminating."); }
            _terminationHooks.Add(hook);
        }
    }

    /// <summary>Stops all actors (children before parents, each PostStop once), runs termination hooks and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        lock (_terminationHooks)
        {
            if (Interlocked.Exchange(ref _terminating, 1) == 0) { _root.SelfRef.SendSystemMessage(Actors.Terminate.Instance); }
        }
        return WhenTerminated;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    internal async void OnRootTerminated()
    {
        Func<Task>[] hooks;
        lock (_terminationHooks)
        {
            Volatile.Write(ref _terminating, 1);
            hooks = _terminationHooks.ToArray();
        }
        foreach (var hook in hooks)
        {
            try { await hook().ConfigureAwait(false); }
            catch (Exception e) { KernelLog.TerminationHookFailed(KernelLogger, Name, e); }
        }
        KernelLog.SystemTerminated(KernelLogger, Name);
        _terminated.TrySetResult();
    }

    internal void HandleDeadSystemMessage(ActorRefBase recipient, SystemMessage message)
    {
        if (message is Watch w && w.Watchee.Equals(recipient))
        {
            ActorRefBase.AsInternal(w.Watcher).SendSystemMessage(new DeathWatchNotification(recipient, false, false));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Address})";
}
