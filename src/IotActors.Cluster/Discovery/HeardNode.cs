using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>A node heard through discovery: its address and, if it is a member, the incarnation id of its cluster.</summary>
public sealed record HeardNode(UniqueAddress Node, Guid? ClusterIncarnation)
{
    /// <summary>Whether the node says it is a cluster member.</summary>
    public bool IsMember => ClusterIncarnation.HasValue;
}
