using IotActors.Cluster;
using IotActors.Remote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ClusterExtension = IotActors.Cluster.Cluster;

namespace IotActors.Hosting;

/// <summary>Adds cluster membership to a node: <c>services.AddIotActors(b =&gt; b.WithRemoting().WithClustering())</c>.</summary>
public static class ClusteringHostingExtensions
{
    /// <summary>
    /// Starts the cluster (settings from <c>iotactors.cluster</c>) after remoting; on host shutdown (SIGTERM, Ctrl+C) the node
    /// leaves gracefully and waits until it is Removed or <c>leave-timeout</c> passes before the actor system terminates.
    /// </summary>
    /// <param name="builder">The node builder; call <c>WithRemoting</c> first.</param>
    /// <param name="configure">Adjusts the settings read from configuration (tests, tools).</param>
    public static IotActorsBuilder WithClustering(this IotActorsBuilder builder, Func<ClusterSettings, ClusterSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp =>
        {
            var remote = sp.GetRequiredService<RemoteOptions>();
            var secret = Convert.FromBase64String(RemotingHostingExtensions.LoadSecret(remote).ToBase64());
            var settings = ClusterSettingsReader.From(sp.GetRequiredService<IConfiguration>(), remote, secret);
            return configure?.Invoke(settings) ?? settings;
        });
        builder.Services.AddHostedService<ClusterLeaveOnShutdown>();
        return builder.AddStartupStep((system, services, _) =>
        {
            if (!system.HasExtension<Remoting>())
            {
                throw new InvalidOperationException("WithClustering needs remoting: call builder.WithRemoting() before builder.WithClustering().");
            }

            ClusterExtension.Start(system, services.GetRequiredService<ClusterSettings>());
            return Task.CompletedTask;
        });
    }
}
