using IotActors.Home.Site;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary><c>GET /api/cluster</c>: <c>{"self","leader","members":[{"address","status","roles","reachable"}]}</c> from <see cref="IClusterView"/>.</summary>
internal sealed class ClusterModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApi().MapGet("/cluster", (IClusterView cluster) => Results.Ok(cluster.Snapshot()))
            .Doc("The cluster as this node sees it: members with status, roles and reachability, and the leader.");
    }
}
