using IotActors.Home.Site;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary><c>GET /api/site</c>: counts over the whole site.</summary>
internal sealed class SiteModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApi().MapGet("/site", async (ISiteQueries site, CancellationToken ct) => Results.Ok(await site.GetSummaryAsync(ct)))
            .Doc("Site summary: devices by kind and health, active actuators, rule count and version.");
    }
}
