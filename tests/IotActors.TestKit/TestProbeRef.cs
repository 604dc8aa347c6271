using System.Collections.Concurrent;
using IotActors.Actors;

namespace IotActors.TestKit;

/// <summary>The ref of a <see cref="TestProbe"/>: queues every message and turns death-watch notifications into <see cref="Terminated"/>.</summary>
internal sealed class TestProbeRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    private readonly HashSet<IActorRef> _watching = new();

    private readonly ConcurrentQueue<(object Message, IActorRef? Sender)> _queue = new();
    private readonly SemaphoreSlim _available = new(0);

    /// <summary>Number of messages waiting.</summary>
    public int Count => _queue.Count;

    public override ActorPath Path => path;

    public override ActorSystem? System => system;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Enqueue((message, sender));
    }

    /// <summary>Takes the next message, waiting up to <paramref name="timeout"/>.</summary>
    /// <remarks>
    /// Waits through a Task: a pool thread blocked in Task.Wait first hands its locally queued work (actor mailboxes the test
    /// just told, Task.Runs) to the other pool threads. A plain blocking wait would strand that work behind the wait.
    /// </remarks>
    public bool TryTake(out (object Message, IActorRef? Sender) item, TimeSpan timeout)
    {
        if (!_available.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout).GetAwaiter().GetResult())
        {
            item = default;
            return false;
        }

        return _queue.TryDequeue(out item);
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
            Enqueue((new Terminated(n.Actor, n.ExistenceConfirmed, n.AddressTerminated), n.Actor));
        }
    }

    private void Enqueue((object Message, IActorRef? Sender) item)
    {
        _queue.Enqueue(item);
        _available.Release();
    }
}
