namespace IotActors.Cluster.Discovery;

/// <summary>The outcome of opening a datagram: a beacon, or the precise reason it was rejected.</summary>
public sealed record BeaconOpenResult(DiscoveryBeacon? Beacon, BeaconRejectReason? Rejected)
{
    /// <summary>Whether a beacon was accepted.</summary>
    public bool IsAccepted => Beacon is not null;

    internal static BeaconOpenResult Accept(DiscoveryBeacon beacon) => new(beacon, null);

    internal static BeaconOpenResult Reject(BeaconRejectReason reason) => new(null, reason);
}
