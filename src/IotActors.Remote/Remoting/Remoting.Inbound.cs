using IotActors.Actors;

namespace IotActors.Remote;

public sealed partial class Remoting
{
    private void OnEnvelope(InboundEnvelope inbound)
    {
        var envelope = inbound.Envelope;
        if (envelope.IsSystem)
        {
            OnSystemEnvelope(inbound);
            return;
        }
        var recipient = ResolveRecipient(envelope.RecipientPath);
        IActorRef? sender = envelope.SenderPath is null ? null : ResolveWireRef(envelope.SenderPath);
        var message = inbound.Message is IAuthenticatedMessage authenticated ? authenticated.WithOrigin(inbound.Sender) : inbound.Message;
        if (ReferenceEquals(recipient, _system.DeadLetters))
        {
            Interlocked.Increment(ref Metrics.unknownRecipients);
            RemotingLog.UnknownRecipient(_logger, message.GetType().Name, inbound.Sender, envelope.RecipientPath);
            if (message is Identify identify && sender is not null)
            {
                sender.Tell(new ActorIdentity(identify.MessageId, null), null);
                return;
            }
        }
        recipient.Tell(message, sender);
    }

    private void OnSystemEnvelope(InboundEnvelope inbound)
    {
        var recipientPath = inbound.Envelope.RecipientPath;
        switch (inbound.Message)
        {
            case WireWatch w:
            {
                if (ResolveWireRef(w.Watcher) is not RemoteActorRef watcher) return;
                var watchee = ResolveRecipient(recipientPath);
                if (ReferenceEquals(watchee, _system.DeadLetters))
                {
                    SendWire(watcher.NodeAddress, watcher.WireRecipient, BuiltInMessages.DeathWatch,
                        new WireDeathWatch(_addressPrefix + recipientPath, false));
                    return;
                }
                _watches.AddWatchedBy(watchee, watcher);
                AsBase(watchee).SendSystemMessage(new Watch(watchee, watcher));
                break;
            }
            case WireUnwatch u:
            {
                if (ResolveWireRef(u.Watcher) is not RemoteActorRef watcher) return;
                var watchee = ResolveRecipient(recipientPath);
                _watches.RemoveWatchedBy(watchee, watcher);
                if (!ReferenceEquals(watchee, _system.DeadLetters)) AsBase(watchee).SendSystemMessage(new Unwatch(watchee, watcher));
                break;
            }
            case WireDeathWatch d:
            {
                if (ResolveWireRef(d.Actor) is not RemoteActorRef actor) return;
                var watcher = ResolveRecipient(recipientPath);
                if (_watches.TakeWatching(actor, watcher) is { } watched)
                    AsBase(watcher).SendSystemMessage(new DeathWatchNotification(watched, d.ExistenceConfirmed, false));
                break;
            }
        }
    }

    private void OnPeerConnected(PeerConnected connected)
    {
        _unreachable.TryRemove(connected.Peer.Address, out _);
        var node = NodeFor(connected.Peer.Address);
        if (!node.Bind(connected.Peer.IncarnationId)) Quarantine(node, "restarted");
        _system.EventStream.Publish(connected); // user messages queued on a broken link may be lost: gossiping actors resync on this
    }

    private void OnIncarnationChanged(PeerIncarnationChanged changed)
    {
        if (_nodes.TryGetValue(changed.Old.Address, out var node) && node.Incarnation != changed.New.IncarnationId)
            Quarantine(node, "restarted with a new incarnation");
        NodeFor(changed.New.Address).Bind(changed.New.IncarnationId);
    }

    private void OnUnreachable(PeerUnreachable unreachable)
    {
        var address = unreachable.Peer.Address;
        _unreachable[address] = 0;
        TerminateAddress(address, n => n.Address.Equals(address), "unreachable");
    }

    private void Quarantine(RemoteNode node, string reason)
    {
        if (!node.Quarantine()) return;
        _nodes.TryUpdate(node.Address, new RemoteNode(node.Address), node);
        foreach (var (key, value) in _resolved)
            if (value is RemoteActorRef r && ReferenceEquals(r.Node, node)) _resolved.TryRemove(key, out _);
        TerminateAddress(node.Address, n => ReferenceEquals(n, node), reason);
    }

    /// <summary>Every watcher of an actor on the node gets Terminated (address terminated); local actors forget remote watchers there.</summary>
    private void TerminateAddress(NodeAddress address, Func<RemoteNode, bool> isGone, string reason)
    {
        var (watching, watchedBy) = _watches.RemoveNode(isGone);
        Interlocked.Increment(ref Metrics.addressTerminations);
        RemotingLog.AddressTerminated(_logger, address, reason, watching.Count, watchedBy.Count);
        foreach (var (watchee, watcher) in watching)
            AsBase(watcher).SendSystemMessage(new DeathWatchNotification(watchee, false, true));
        foreach (var (watchee, watcher) in watchedBy)
            AsBase(watchee).SendSystemMessage(new DeathWatchNotification(watcher, false, true));
    }

    private void OnUserMessageDropped(UserMessageDropped dropped)
    {
        Interlocked.Increment(ref Metrics.outboundDropped);
        var envelope = dropped.Envelope;
        object message;
        using (ActorRefJsonConverter.Enter(this))
        {
            if (!_registry.TryDeserialize(envelope.Manifest, envelope.Payload.Span, out message, out _, out _)) message = envelope;
        }
        var recipient = ResolveWireRef(dropped.Peer + envelope.RecipientPath);
        IActorRef? sender = envelope.SenderPath is null ? null : ResolveWireRef(envelope.SenderPath);
        _system.DeadLetters.Tell(new DeadLetter(message, sender, recipient), sender);
    }

    private static ActorRefBase AsBase(IActorRef actorRef) => actorRef as ActorRefBase
        ?? throw new ArgumentException($"Actor ref of type {actorRef.GetType().Name} does not derive from ActorRefBase and cannot take part in remote death watch.", nameof(actorRef));
}
