using IotActors.Actors;

namespace IotActors.Remote;

/// <summary>A ref to an actor on another node: tells are serialized and queued on the link, watches become acked system messages.</summary>
/// <remarks>Thread-safe. A ref is bound to the peer incarnation it was created for; once that incarnation is gone its messages go to dead letters.</remarks>
public sealed class RemoteActorRef : ActorRefBase
{
    private readonly Remoting _remoting;

    internal RemoteActorRef(Remoting remoting, ActorPath path, RemoteNode node)
    {
        _remoting = remoting;
        Path = path;
        Node = node;
        WireRecipient = path.Uid == 0
            ? path.ToStringWithoutAddress()
            : path.ToStringWithoutAddress() + "#" + path.Uid.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        WireForm = path.ToSerializationFormat();
    }

    /// <inheritdoc />
    public override ActorPath Path { get; }

    /// <inheritdoc />
    public override bool IsLocal => false;

    /// <inheritdoc />
    public override ActorSystem? System => _remoting.System;

    /// <summary>The node the actor lives on.</summary>
    public NodeAddress NodeAddress => Node.Address;

    internal RemoteNode Node { get; }

    /// <summary>The recipient path as written on the wire (no address, with <c>#uid</c>).</summary>
    internal string WireRecipient { get; }

    /// <summary>The full path with address and uid, as carried in messages.</summary>
    internal string WireForm { get; }

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        _remoting.SendUser(this, message, sender);
    }

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message) => _remoting.SendSystem(this, message);
}
