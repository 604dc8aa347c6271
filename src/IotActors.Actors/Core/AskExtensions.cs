namespace IotActors.Actors;

/// <summary>Request/response with actors.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the first reply as <typeparamref name="T"/>;
    /// a <see cref="Status.Failure"/> reply faults the task, no reply within the timeout gives <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = (target as ActorRefBase)?.System
            ?? throw new ArgumentException($"Cannot ask {target}: it does not belong to an actor system.", nameof(target));
        var t = timeout ?? system.Settings.DefaultAskTimeout;
        if (t <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(timeout), t, "Ask timeout must be positive."); }
        var promise = new PromiseActorRef<T>(system, static reply => reply switch
        {
            Status.Failure f => (true, default!, f.Cause),
            T value => (true, value, null),
            _ => (true, default!, new InvalidCastException($"Ask expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}.")),
        });
        promise.StartTimeout(t, () => new AskTimeoutException(
            $"Ask timed out on [{target.Path}] after {t.TotalMilliseconds:0} ms. Message of type [{message.GetType().FullName}] got no reply."));
        target.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Asks and returns the reply as object.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null) => target.Ask<object>(message, timeout);
}
