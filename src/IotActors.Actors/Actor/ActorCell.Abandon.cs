namespace IotActors.Actors;

internal sealed partial class ActorCell
{
    /// <summary>Stops a child without waiting for it: it leaves the children at once (its name is free, this actor's stop no longer waits for it).</summary>
    /// <remarks>Actor thread only. Watchers (including this actor) still get <see cref="Terminated"/> if the child ever finishes stopping.</remarks>
    internal void StopAndAbandon(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not LocalActorRef local || !ReferenceEquals(local.Cell.ParentRef, SelfRef))
        {
            throw new ArgumentException($"{actor.Path} is not a child of {SelfRef.Path}; only an actor's own children can be abandoned.", nameof(actor));
        }

        var removed = false;
        var c = EnsureChildren();
        lock (c)
        {
            if (c.TryGetValue(local.Name, out var existing) && ReferenceEquals(existing, local))
            {
                c.Remove(local.Name);
                c.Dying?.Remove(local);
                removed = true;
            }
        }

        local.SendSystemMessage(Terminate.Instance);
        if (removed) { AfterChildRemoved(); }
    }
}
