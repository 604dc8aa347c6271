using System.Collections.Concurrent;
using IotActors.Actors;

namespace IotActors.TestKit;

/// <summary>The ref of a <see cref="TestProbe"/>: queues every message and turns death-watch notifications into <see cref="Terminated"/>.</summary>
internal sealed class TestProbeRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    private readonly HashSet<IActorRef> _watching = new();

    public BlockingCollection<(object Message, IActorRef? Sender)> Queue { get; } = new();

    public override ActorPath Path => path;

    public override ActorSystem? System => system;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Queue.Add((message, sender));
    }

    public void Watch(IActorRef subject)
    {
        lock (_watching) { if (!_watching.Add(subject)) { return; } }
        ((ActorRefBase)subject).SendSystemMessage(new Watch(subject, this));
    }

    public void Unwatch(IActorRef subject)
    {
        lock (_watching) { if (!_watching.Remove(subject)) { return; } }
        ((ActorRefBase)subject).SendSystemMessage(new Unwatch(subject, this));
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification n)
        {
            lock (_watching) { if (!_watching.Remove(n.Actor)) { return; } }
            Queue.Add((new Terminated(n.Actor, n.ExistenceConfirmed, n.AddressTerminated), n.Actor));
        }
    }
}
