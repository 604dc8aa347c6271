using IotActors.Home.Actors;
using IotActors.Actors;
using IotActors.Hosting;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Dto;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Api;

/// <summary>
/// Test/demo endpoints, mapped only when <c>iotactors.api.debug-endpoints = on</c>:
/// <c>POST /api/devices/{id}/simulate</c> drives a simulated sensor on whichever node owns it (operator).
/// </summary>
internal sealed class DebugModule : IApiModule
{
    /// <summary>The setting that maps this module.</summary>
    public const string SettingKey = "debug-endpoints";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapApi();
        api.MapPost("/devices/{id}/simulate", Simulate)
            .RequireRole(ApiRole.Operator)
            .Doc("Test/demo only (iotactors.api.debug-endpoints = on): forces a simulated sensor's value, {\"target\": 26.0}, or releases it, {\"clear\": true}. "
                 + "Routed to the node that owns the sensor. Audited.", body: "{\"target\": 26.0}");
    }

    private static async Task<IResult> Simulate(string id, HttpContext http, IServiceProvider services, ApiAudit audit)
    {
        (SimulateRequest? request, IResult? problem) = await ApiJson.ReadAsync<SimulateRequest>(http.Request);
        if (problem is not null) return problem;
        bool clear = request!.Clear == true;
        if (clear == request.Target.HasValue)
        {
            return ApiProblems.BadRequest("the body needs exactly one of \"target\": <number> or \"clear\": true");
        }

        if (request.Target is { } t && !double.IsFinite(t)) return ApiProblems.BadRequest("\"target\" must be a finite number");
        if (services.GetService<SmartSiteHolder>() is not { IsStarted: true } holder)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "domain not running",
                detail: "the smart site is not running on this node (starting, or iotactors.home.enabled = off)");
        }

        ApiPrincipal who = ApiPrincipal.Of(http);
        string what = clear ? "simulate-clear" : "simulate";
        SimulateResult? result;
        try
        {
            result = await holder.Site.Simulation.SimulateAsync(id, request.Target, who.ToPrincipal(), http.RequestAborted);
        }
        catch (AskTimeoutException e)
        {
            await audit.WriteAsync(who, what, id, "timeout", e.Message);
            return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "owner did not answer", detail: e.Message);
        }

        if (result is null)
        {
            await audit.WriteAsync(who, what, id, "unknown-device", "no such sensor in the site state");
            return ApiProblems.NotFound($"no device has the id '{id}'");
        }

        await audit.WriteAsync(who, what, id, result.Accepted ? "accepted" : "rejected", result.Detail);
        return result.Accepted
            ? Results.Ok(new { deviceId = result.DeviceId, target = result.Target, detail = result.Detail })
            : ApiProblems.Conflict(result.Detail);
    }

    private sealed record SimulateRequest(double? Target, bool? Clear);
}
