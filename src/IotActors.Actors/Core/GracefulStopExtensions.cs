namespace IotActors.Actors;

/// <summary>Stopping an actor and waiting for it.</summary>
public static class GracefulStopExtensions
{
    /// <summary>Sends <see cref="PoisonPill"/> and returns true once the actor terminated, or false if it did not within <paramref name="timeout"/>.</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        var internalRef = ActorRefBase.AsInternal(target);
        var system = internalRef.System
            ?? throw new ArgumentException($"Cannot stop {target}: it does not belong to an actor system.", nameof(target));
        var promise = new PromiseActorRef<bool>(system, static reply => reply is DeathWatchNotification ? (true, true, null) : (false, false, null));
        promise.StartTimeout(timeout, static () => new TimeoutResult<bool>(false));
        internalRef.SendSystemMessage(new Watch(target, promise));
        target.Tell(PoisonPill.Instance, null);
        return promise.Task;
    }
}
