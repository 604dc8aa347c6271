using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Api;

/// <summary><c>GET /metrics</c> (open, like /healthz): every metric of the node's <see cref="MetricsRegistry"/> in the Prometheus text format.</summary>
internal sealed class MetricsModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        MetricsRegistry registry = endpoints.ServiceProvider.GetRequiredService<MetricsRegistry>();
        NodeMetricsCollectors.Register(registry, endpoints.ServiceProvider);
        RuntimeMetricsCollectors.Register(registry);
        endpoints.MapGet("/metrics", () => Results.Text(registry.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .Doc("Prometheus metrics of this node.", produces: "text/plain");
    }
}
