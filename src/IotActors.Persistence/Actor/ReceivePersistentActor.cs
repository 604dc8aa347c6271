namespace IotActors.Persistence;

/// <summary>A persistent actor that declares typed handlers: <c>Recover&lt;T&gt;</c> for recovery and <c>Command&lt;T&gt;</c> for commands, tried in registration order.</summary>
public abstract class ReceivePersistentActor : PersistentActor
{
    private readonly HandlerList _recover = new();
    private HandlerList _commands = new();
    private HandlerList? _building;

    private HandlerList CommandTarget => _building ?? _commands;

    /// <summary>Handles recovery messages (events, <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) of type <typeparamref name="T"/>.</summary>
    protected void Recover<T>(Action<T> handler) => _recover.Add(null, handler);

    /// <summary>Handles recovery messages of type <typeparamref name="T"/> that satisfy <paramref name="predicate"/>.</summary>
    protected void Recover<T>(Func<T, bool> predicate, Action<T> handler) => _recover.Add(predicate ?? throw new ArgumentNullException(nameof(predicate)), handler);

    /// <summary>Handles any recovery message not handled by earlier registrations.</summary>
    protected void RecoverAny(Action<object> handler) => _recover.Add(null, handler);

    /// <summary>Handles commands of type <typeparamref name="T"/>.</summary>
    protected void Command<T>(Action<T> handler) => CommandTarget.Add(null, handler);

    /// <summary>Handles commands of type <typeparamref name="T"/> that satisfy <paramref name="predicate"/>.</summary>
    protected void Command<T>(Func<T, bool> predicate, Action<T> handler) => CommandTarget.Add(predicate ?? throw new ArgumentNullException(nameof(predicate)), handler);

    /// <summary>Handles any command not handled by earlier registrations.</summary>
    protected void CommandAny(Action<object> handler) => CommandTarget.Add(null, handler);

    /// <summary>Replaces the command handlers with those registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var table = new HandlerList();
        var previous = _building;
        _building = table;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        _commands = table;
    }

    /// <inheritdoc />
    protected sealed override bool ReceiveRecover(object message) => _recover.Handle(message);

    /// <inheritdoc />
    protected sealed override bool ReceiveCommand(object message) => _commands.Handle(message);

    private sealed class HandlerList
    {
        private readonly List<Func<object, bool>> _handlers = [];

        public void Add<T>(Func<T, bool>? predicate, Action<T> handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            _handlers.Add(message =>
            {
                if (message is not T typed || (predicate is not null && !predicate(typed)))
                {
                    return false;
                }

                handler(typed);
                return true;
            });
        }

        public bool Handle(object message)
        {
            foreach (var handler in _handlers)
            {
                if (handler(message))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
