using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Hosting;

/// <summary>Adds the cluster tools to a node: <c>b.WithRemoting(...).WithClustering().WithDistributedPubSub().WithReplicatedState()</c>.</summary>
public static class ClusterToolsHostingExtensions
{
    /// <summary>Starts distributed pub-sub (<c>/system/pubsub</c>) and the service registry (<c>/system/receptionist</c>).</summary>
    /// <remarks>Call after <c>WithRemoting</c> and <c>WithClustering</c>; register published message types in <c>WithRemoting(r =&gt; ...)</c>.</remarks>
    public static IotActorsBuilder WithDistributedPubSub(this IotActorsBuilder builder, Func<DistributedPubSubSettings, DistributedPubSubSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStartupStep((system, services, _) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var settings = ClusterToolsSettingsReader.PubSub(configuration);
            DistributedPubSub.Start(system, configure?.Invoke(settings) ?? settings);
            var (gossip, delta) = ClusterToolsSettingsReader.RegistryIntervals(configuration);
            Receptionist.Start(system, gossip, delta);
            return Task.CompletedTask;
        });
    }

    /// <summary>Starts the replicated site state (<c>/system/replicator</c>), saved in the node's data directory when <c>durable = on</c>.</summary>
    /// <remarks>Call after <c>WithRemoting</c> and <c>WithClustering</c>.</remarks>
    public static IotActorsBuilder WithReplicatedState(this IotActorsBuilder builder, Func<ReplicatedStateSettings, ReplicatedStateSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStartupStep((system, services, _) =>
        {
            var node = services.GetRequiredService<NodeOptions>();
            var settings = ClusterToolsSettingsReader.ReplicatedState(services.GetRequiredService<IConfiguration>(), node.DataDirectory);
            ReplicatedState.Start(system, configure?.Invoke(settings) ?? settings);
            return Task.CompletedTask;
        });
    }
}
