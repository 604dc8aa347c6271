using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>What a node that is not yet a member should do.</summary>
public enum FormationKind
{
    /// <summary>Keep listening.</summary>
    Wait,

    /// <summary>Form a new cluster with this node as its first member.</summary>
    FormCluster,

    /// <summary>Join the cluster through <see cref="FormationAction.Seed"/>.</summary>
    Join,
}

/// <summary>The formation decision: wait, form, or join through a seed of a given cluster incarnation.</summary>
public sealed record FormationAction(FormationKind Kind, UniqueAddress? Seed, Guid? ClusterIncarnation)
{
    /// <summary>Keep listening.</summary>
    public static FormationAction Wait { get; } = new(FormationKind.Wait, null, null);

    /// <summary>Form a new cluster.</summary>
    public static FormationAction Form { get; } = new(FormationKind.FormCluster, null, null);
}
