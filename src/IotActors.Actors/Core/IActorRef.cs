namespace IotActors.Actors;

/// <summary>An immutable, serializable handle to an actor; the only way to talk to it.</summary>
/// <remarks>Thread-safe. Two refs are equal when path and uid are equal.</remarks>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>The path of the actor, including its uid.</summary>
    ActorPath Path { get; }

    /// <summary>Sends a message asynchronously; <paramref name="sender"/> becomes the receiver's <c>Sender</c>.</summary>
    void Tell(object message, IActorRef? sender);
}
