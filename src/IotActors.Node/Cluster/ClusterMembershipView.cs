using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Home.Site;
using Microsoft.Extensions.DependencyInjection;
using ClusterExtension = IotActors.Cluster.Cluster;

namespace IotActors.Node.Cluster;

/// <summary>The API's <see cref="IClusterView"/> backed by the real cluster membership of this node.</summary>
internal sealed class ClusterMembershipView(IServiceProvider services, string selfFallback) : IClusterView
{
    /// <inheritdoc />
    public ClusterSnapshot Snapshot()
    {
        if (TryCluster() is not { } cluster)
        {
            return new ClusterSnapshot(selfFallback, null, []);
        }

        var state = cluster.State;
        var members = state.Members
            .Select(m => new ClusterMemberInfo(m.Address.Address, StatusName(m.Status), [.. m.Roles], !state.IsUnreachable(m.Address)))
            .ToList();
        return new ClusterSnapshot(state.Self.Address, state.Leader?.Address, members);
    }

    /// <summary>The cluster extension, or null while the actor system is not started.</summary>
    public ClusterExtension? TryCluster()
    {
        try
        {
            return services.GetService<ActorSystem>()?.GetExtension<ClusterExtension>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The API's lower-case status name (joining, up, leaving, exiting, down, removed).</summary>
    public static string StatusName(MemberStatus status) => status.ToString().ToLowerInvariant();
}
