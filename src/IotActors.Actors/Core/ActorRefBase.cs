namespace IotActors.Actors;

/// <summary>Base class of every actor ref (local, temporary, remote); remote refs derive from it to take part in death watch.</summary>
public abstract class ActorRefBase : IActorRef
{
    /// <inheritdoc />
    public abstract ActorPath Path { get; }

    /// <inheritdoc />
    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Delivers a system message (<see cref="Watch"/>, <see cref="Unwatch"/>, <see cref="DeathWatchNotification"/>, ...).</summary>
    public abstract void SendSystemMessage(SystemMessage message);

    /// <summary>True when the actor lives in this process.</summary>
    public virtual bool IsLocal => true;

    /// <summary>The actor system this ref belongs to, or null for system-less refs such as <see cref="ActorRefs.Nobody"/>.</summary>
    public virtual ActorSystem? System => null;

    /// <inheritdoc />
    public bool Equals(IActorRef? other)
    {
        if (ReferenceEquals(this, other)) { return true; }
        return other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path.GetHashCode(), Path.Uid);

    /// <inheritdoc />
    public override string ToString() => Path.Uid == 0 ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";

    internal static ActorRefBase AsInternal(IActorRef actorRef) => actorRef as ActorRefBase
        ?? throw new ArgumentException($"Actor ref of type {actorRef.GetType().Name} does not derive from ActorRefBase and cannot take part in system messaging.", nameof(actorRef));
}
