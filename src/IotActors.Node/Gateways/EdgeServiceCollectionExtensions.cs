using IotActors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Registers the node's edge (gateways, CSV data log, upstream export) as one hosted service.</summary>
internal static class EdgeServiceCollectionExtensions
{
    /// <summary>Adds <see cref="EdgeRuntime"/> and the <see cref="RemotePeerRegistry"/>; what runs is decided from configuration and the node's roles at start.</summary>
    public static IServiceCollection AddNodeEdge(this IServiceCollection services, NodeOptions node)
    {
        services.AddSingleton(sp => new RemotePeerRegistry(
            sp.GetRequiredService<TimeProvider>(),
            node.Roles.Contains("gateway") ? GatewayOptions.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()).PeerLivenessTimeout
                : new GatewayOptions().PeerLivenessTimeout));
        services.AddSingleton<EdgeRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<EdgeRuntime>());
        return services;
    }
}
