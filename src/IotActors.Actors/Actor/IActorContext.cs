namespace IotActors.Actors;

/// <summary>The actor's view of itself and the runtime; only use it from inside the actor's message handling.</summary>
public interface IActorContext
{
    /// <summary>This actor's ref.</summary>
    IActorRef Self { get; }

    /// <summary>Sender of the current message (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>Live children (not the ones being stopped).</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Returns the child of that name, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates a child; names must be unique among live and stopping siblings.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child or this actor asynchronously.</summary>
    void Stop(IActorRef actor);

    /// <summary>Watches an actor: a <see cref="Terminated"/> arrives exactly once when it stops (immediately if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; no <see cref="Terminated"/> for it is delivered afterwards.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behavior.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behavior on the behavior stack.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behavior stack.</summary>
    void UnbecomeStacked();

    /// <summary>Sets (or clears with null) the receive timeout; <see cref="Actors.ReceiveTimeout"/> is sent after that much idle time, repeatedly. A restart clears it.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Selects actors by a path relative to this actor or absolute.</summary>
    ActorSelection ActorSelection(string path);
}
