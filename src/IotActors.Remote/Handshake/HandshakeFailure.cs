namespace IotActors.Remote.Handshake;

/// <summary>Which handshake check failed.</summary>
public enum HandshakeFailure
{
    /// <summary>The handshake did not finish before its deadline.</summary>
    Timeout,
    /// <summary>TLS negotiation failed.</summary>
    Tls,
    /// <summary>The peer sent bytes that are not a valid handshake frame.</summary>
    ProtocolViolation,
    /// <summary>The peer speaks another protocol version.</summary>
    VersionMismatch,
    /// <summary>The peer belongs to another cluster.</summary>
    ClusterNameMismatch,
    /// <summary>The peer is not the node that was dialled.</summary>
    UnexpectedPeer,
    /// <summary>The peer does not know the cluster secret.</summary>
    WrongSecret,
    /// <summary>The peer knows the secret but the certificates seen differ: TLS is being intercepted.</summary>
    CertificateMismatch,
    /// <summary>The connection closed during the handshake.</summary>
    ConnectionClosed,
}
