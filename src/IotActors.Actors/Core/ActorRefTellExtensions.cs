namespace IotActors.Actors;

/// <summary>Tell with an implicit sender and Forward.</summary>
public static class ActorRefTellExtensions
{
    /// <summary>Sends a message; inside an actor the sender is that actor, elsewhere there is none.</summary>
    public static void Tell(this IActorRef target, object message) => target.Tell(message, ActorCell.Current?.SelfRef);

    /// <summary>Sends a message keeping the current message's original sender (call from inside an actor).</summary>
    public static void Forward(this IActorRef target, object message)
    {
        var cell = ActorCell.Current
            ?? throw new IllegalActorStateException("Forward can only be used from inside an actor; use Tell(message, sender) elsewhere.");
        target.Tell(message, cell.CurrentSender);
    }
}
