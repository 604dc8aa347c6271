namespace IotActors.Actors;

/// <summary>An actor with a single <see cref="OnReceive"/> method; call <see cref="ActorBase.Unhandled"/> for messages it does not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Handles a message.</summary>
    protected abstract void OnReceive(object message);
}
