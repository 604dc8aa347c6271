using IotActors.Actors;
using IotActors.Remote.Serialization;

namespace IotActors.Remote;

public sealed partial class Remoting
{
    /// <summary>Serializes a user message for a remote ref and queues it on the link; failures go to dead letters.</summary>
    internal void SendUser(RemoteActorRef to, object message, IActorRef? sender)
    {
        if (to.Node.IsQuarantined)
        {
            Interlocked.Increment(ref Metrics.quarantinedDrops);
            _system.DeadLetters.Tell(new DeadLetter(message, sender, to), sender);
            return;
        }
        try
        {
            string manifest;
            byte[] payload;
            using (ActorRefJsonConverter.Enter(this)) (manifest, payload) = _registry.Serialize(message);
            string? senderWire = sender is null ? null : WireFormOf(sender);
            _transport.Send(to.NodeAddress, new RemoteEnvelope(to.WireRecipient, senderWire, manifest, payload));
        }
        catch (Exception e) when (e is UnregisteredMessageTypeException or ArgumentException or NotSupportedException
            or InvalidOperationException or global::System.Text.Json.JsonException)
        {
            Interlocked.Increment(ref Metrics.serializationFailures);
            RemotingLog.SendFailed(_logger, message.GetType().Name, to.Path, e.Message);
            _system.DeadLetters.Tell(new DeadLetter(message, sender, to), sender);
        }
    }

    /// <summary>Turns Watch/Unwatch/DeathWatchNotification addressed to a remote ref into acked system envelopes.</summary>
    internal void SendSystem(RemoteActorRef to, SystemMessage message)
    {
        switch (message)
        {
            case Watch w when w.Watchee.Equals(to):
                if (to.Node.IsQuarantined || _unreachable.ContainsKey(to.NodeAddress))
                {
                    AsBase(w.Watcher).SendSystemMessage(new DeathWatchNotification(to, false, true));
                    return;
                }
                _watches.AddWatching(to, w.Watcher);
                SendWire(to.NodeAddress, to.WireRecipient, BuiltInMessages.Watch, new WireWatch(WireFormOf(w.Watcher)));
                break;
            case Unwatch u when u.Watchee.Equals(to):
                if (_watches.RemoveWatching(to, u.Watcher) && !to.Node.IsQuarantined)
                    SendWire(to.NodeAddress, to.WireRecipient, BuiltInMessages.Unwatch, new WireUnwatch(WireFormOf(u.Watcher)));
                break;
            case DeathWatchNotification n when !n.AddressTerminated:
                // A local actor we are watched by terminated: tell the remote watcher.
                if (n.Actor is not RemoteActorRef) _watches.RemoveWatchedBy(n.Actor, to);
                if (!to.Node.IsQuarantined)
                    SendWire(to.NodeAddress, to.WireRecipient, BuiltInMessages.DeathWatch, new WireDeathWatch(WireFormOf(n.Actor), n.ExistenceConfirmed));
                break;
            case DeathWatchNotification:
                break;
            default:
                RemotingLog.UnexpectedSystemMessage(_logger, message.GetType().Name, to.Path);
                break;
        }
    }

    private void SendWire(NodeAddress to, string recipient, string manifest, object wire)
    {
        var (_, payload) = _registry.Serialize(wire);
        _transport.Send(to, new RemoteEnvelope(recipient, null, manifest, payload, IsSystem: true));
    }
}
