namespace IotActors.Actors;

/// <summary>The parent of the root guardian: stops it on failure and ends the system when it terminates.</summary>
internal sealed class RootParentRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    public override ActorPath Path => path;

    public override ActorSystem? System => system;

    public override void Tell(object message, IActorRef? sender) => system.DeadLetters.Tell(message, sender);

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed f:
                AsInternal(f.Child).SendSystemMessage(Terminate.Instance);
                break;
            case DeathWatchNotification:
                system.OnRootTerminated();
                break;
        }
    }
}
