namespace IotActors.Actors;

/// <summary>An actor that declares typed handlers with <c>Receive&lt;T&gt;</c>; handlers are tried in registration order.</summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly HandlerTable _initial = new();
    private HandlerTable? _building;

    private HandlerTable Target => _building ?? _initial;

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message) => _initial.Handle(message);

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(null, handler);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="predicate"/>.</summary>
    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(predicate, handler);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously; the next message is taken only when the task completes.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Func<T, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.AddAsync(predicate, handler, Cell);
    }

    /// <summary>Handles any message not handled by earlier registrations.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(null, handler);
    }

    /// <summary>Replaces the behavior with the handlers registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure));

    /// <summary>Pushes the handlers registered by <paramref name="configure"/> as a new behavior.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure));

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var table = new HandlerTable();
        var previous = _building;
        _building = table;
        try { configure(); }
        finally { _building = previous; }
        table.Seal();
        return table.Handle;
    }

    internal void SealInitial() => _initial.Seal();
}
