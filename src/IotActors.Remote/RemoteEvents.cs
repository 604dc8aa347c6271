namespace IotActors.Remote;

/// <summary>A link to a peer completed its handshake.</summary>
public sealed record PeerConnected(NodeIdentity Peer);

/// <summary>A peer came back with a new incarnation: refs to <paramref name="Old"/> must be terminated.</summary>
public sealed record PeerIncarnationChanged(NodeIdentity Old, NodeIdentity New, int DroppedSystemMessages);

/// <summary>The failure detector suspects the peer (phi above threshold).</summary>
public sealed record PeerUnreachable(NodeIdentity Peer, double Phi);

/// <summary>A previously unreachable peer is heard from again.</summary>
public sealed record PeerReachable(NodeIdentity Peer);

/// <summary>A user message was dropped because the peer's outbound queue was full.</summary>
public sealed record UserMessageDropped(NodeAddress Peer, RemoteEnvelope Envelope);
