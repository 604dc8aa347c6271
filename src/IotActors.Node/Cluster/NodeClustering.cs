using IotActors.Hosting;
using IotActors.Home.Site;
using IotActors.Node.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Cluster;

/// <summary>Wires remoting and cluster membership into the node when a cluster secret is configured (<c>iotactors.cluster.enabled</c>).</summary>
internal static class NodeClustering
{
    /// <summary>Whether the node joins a cluster: <c>on</c>, <c>off</c>, or <c>auto</c> (when a secret file or IOTACTORS_CLUSTER_SECRET is set).</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        var cluster = new SettingsReader(configuration, "iotactors.cluster");
        return cluster.OneOf("enabled", "auto", "auto", "on", "off") switch
        {
            "on" => true,
            "off" => false,
            _ => new SettingsReader(configuration, "iotactors.remote").String("secret-file", "").Length > 0
                 || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RemoteOptions.SecretEnvironmentVariable)),
        };
    }

    /// <summary>Adds remoting and clustering to the node builder, the real cluster view and the cluster control endpoints.</summary>
    public static void Configure(IotActorsBuilder builder, IConfiguration configuration, NodeOptions node)
    {
        if (!IsEnabled(configuration))
        {
            return;
        }

        builder.WithRemoting().WithClustering();
        string fallback = $"iot://{node.SystemName}@{node.Name}";
        builder.Services.AddSingleton(sp => new ClusterMembershipView(sp, fallback));
        builder.Services.AddSingleton<IClusterView>(sp => sp.GetRequiredService<ClusterMembershipView>());
        builder.Services.AddSingleton<IApiModule, ClusterControlModule>();
    }
}
