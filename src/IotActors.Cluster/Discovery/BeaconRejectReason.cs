namespace IotActors.Cluster.Discovery;

/// <summary>Why a received datagram was not accepted as a beacon.</summary>
public enum BeaconRejectReason
{
    /// <summary>Shorter than header plus tag.</summary>
    TooShort,

    /// <summary>Longer than the maximum beacon size.</summary>
    Oversized,

    /// <summary>Wrong magic bytes or unsupported format version.</summary>
    BadHeader,

    /// <summary>The key id is not in the keyring.</summary>
    UnknownKeyId,

    /// <summary>AES-GCM authentication failed: wrong key or tampered bytes.</summary>
    AuthenticationFailed,

    /// <summary>Authentic, but the plaintext does not decode.</summary>
    Malformed,

    /// <summary>A beacon of another cluster.</summary>
    WrongCluster,

    /// <summary>The counter was already seen (or is too old) for that sender incarnation.</summary>
    Replay,
}
