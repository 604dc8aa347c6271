namespace IotActors.Actors;

/// <summary>Stopping a child whose thread may never return (e.g. a pinned device actor stuck in a system call).</summary>
public static class AbandonChildExtensions
{
    /// <summary>Sends the child a stop and detaches it at once, so this actor (and the system) can stop or reuse the name without waiting for it.</summary>
    /// <remarks>Actor thread only. The abandoned child still stops (and runs PostStop) if its thread ever returns; watchers then get <see cref="Terminated"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="child"/> is not a local child of this actor.</exception>
    public static void StopAndAbandon(this IActorContext context, IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context is not ActorCell cell)
        {
            throw new ArgumentException("StopAndAbandon needs the context of a local actor.", nameof(context));
        }

        cell.StopAndAbandon(child);
    }
}
