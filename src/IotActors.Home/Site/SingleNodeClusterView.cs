namespace IotActors.Home.Site;

/// <summary>The cluster of a node that runs alone: itself, up, reachable and leader.</summary>
public sealed class SingleNodeClusterView(string selfAddress, IReadOnlyList<string> roles) : IClusterView
{
    private readonly ClusterSnapshot _snapshot = new(selfAddress, selfAddress, [new ClusterMemberInfo(selfAddress, "up", roles, true)]);

    /// <inheritdoc />
    public ClusterSnapshot Snapshot() => _snapshot;
}
