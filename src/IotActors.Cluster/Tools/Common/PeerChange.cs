using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Tools.Common;

/// <summary>What a cluster event changed in a <see cref="PeerSet"/>.</summary>
internal enum PeerChangeKind
{
    /// <summary>A peer became a member the tools talk to.</summary>
    Added,

    /// <summary>A peer was removed from the cluster (its data is pruned or marked).</summary>
    Removed,

    /// <summary>A peer became unreachable or reachable again.</summary>
    Reachability,
}

/// <summary>One change of the peer set, for the actor to act on.</summary>
internal sealed record PeerChange(PeerChangeKind Kind, UniqueAddress Peer);
