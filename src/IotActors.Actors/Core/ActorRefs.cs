namespace IotActors.Actors;

/// <summary>Well-known special actor refs.</summary>
public static class ActorRefs
{
    /// <summary>A ref that silently discards everything sent to it.</summary>
    public static IActorRef Nobody { get; } = new NobodyRef();

    /// <summary>Use as sender when there is none (null).</summary>
    public static readonly IActorRef? NoSender = null;

    private sealed class NobodyRef : ActorRefBase
    {
        private static readonly ActorPath NobodyPath = ActorPath.Root(Address.Local("all-systems")).Child("Nobody");
        public override ActorPath Path => NobodyPath;
        public override void Tell(object message, IActorRef? sender) { }
        public override void SendSystemMessage(SystemMessage message)
        {
            if (message is Watch w) { AsInternal(w.Watcher).SendSystemMessage(new DeathWatchNotification(this, false, false)); }
        }
    }
}
