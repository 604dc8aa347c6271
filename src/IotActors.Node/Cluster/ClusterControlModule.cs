using IotActors.Node.Api;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Tools;
using IotActors.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Cluster;

/// <summary><c>POST /api/cluster/leave</c> and <c>POST /api/cluster/down?address=iot://...</c> (admin).</summary>
internal sealed class ClusterControlModule(ClusterMembershipView view) : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApi();
        api.MapPost("/cluster/leave", () =>
            {
                if (view.TryCluster() is not { } cluster) return ApiProblems.Conflict("the actor system is not running yet");
                if (!cluster.State.IsMember) return ApiProblems.Conflict("this node is not a cluster member");
                cluster.Leave();
                return Results.Accepted("/api/cluster", new { leaving = cluster.SelfAddress.Address });
            })
            .RequireRole(ApiRole.Admin)
            .Doc("This node leaves the cluster gracefully (Leaving, Exiting, Removed); the process keeps running.");
        api.MapPost("/cluster/down", (string? address) =>
            {
                if (view.TryCluster() is not { } cluster) return ApiProblems.Conflict("the actor system is not running yet");
                if (!NodeAddress.TryParse(address, out var parsed, out var error)) return ApiProblems.BadRequest($"query parameter 'address': {error}");
                if (!cluster.State.Members.Any(m => m.Address.Host == parsed.Host && m.Address.Port == parsed.Port && m.Address.System == parsed.System))
                    return ApiProblems.NotFound($"no member at {parsed}");
                cluster.Down(parsed);
                return Results.Accepted("/api/cluster", new { downing = parsed.ToString() });
            })
            .RequireRole(ApiRole.Admin)
            .Doc("Marks the member at ?address=iot://system@host:port Down; the leader then removes it.");
    }
}
