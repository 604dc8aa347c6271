using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>The plaintext of a discovery beacon.</summary>
/// <param name="ClusterName">The cluster (site) name; beacons of other clusters are ignored.</param>
/// <param name="Node">The sender's address and incarnation.</param>
/// <param name="Roles">The sender's roles.</param>
/// <param name="ClusterIncarnation">If the sender is a member: the random id chosen when its cluster formed.</param>
/// <param name="Counter">Per-sender-incarnation counter, strictly increasing; used against replay.</param>
/// <param name="Timestamp">The sender's clock when sending; informational only (clock skew must not matter).</param>
public sealed record DiscoveryBeacon(
    string ClusterName,
    UniqueAddress Node,
    ImmutableArray<string> Roles,
    Guid? ClusterIncarnation,
    ulong Counter,
    DateTimeOffset Timestamp)
{
    /// <inheritdoc />
    public bool Equals(DiscoveryBeacon? other) =>
        other is not null && ClusterName == other.ClusterName && Node.Equals(other.Node) &&
        Roles.SequenceEqual(other.Roles) && ClusterIncarnation == other.ClusterIncarnation &&
        Counter == other.Counter && Timestamp.Equals(other.Timestamp);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ClusterName, Node, ClusterIncarnation, Counter);
}
