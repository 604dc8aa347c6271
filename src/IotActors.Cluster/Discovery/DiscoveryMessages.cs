using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>What the daemon tells discovery about this node: its address, roles, cluster (if a member) and whether it may form or join.</summary>
internal sealed record DiscoveryStatus(UniqueAddress Self, ImmutableArray<string> Roles, Guid? ClusterId, bool MayForm, bool Active);

/// <summary>A datagram arrived on the discovery socket.</summary>
internal sealed record DatagramReceived(UdpBeaconDatagram Datagram);

/// <summary>Send a beacon now.</summary>
internal sealed record BeaconTick
{
    public static readonly BeaconTick Instance = new();
}

/// <summary>Decide now whether to join or form.</summary>
internal sealed record FormationTick
{
    public static readonly FormationTick Instance = new();
}
