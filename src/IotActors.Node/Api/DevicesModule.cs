using IotActors.Home.History;
using IotActors.Home.Model;
using IotActors.Home.Site;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Dto;
using IotActors.Node.Api.Metrics;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Api;

/// <summary>Devices: list, detail, downsampled reading history and desired-state commands (operator).</summary>
internal sealed class DevicesModule : IApiModule
{
    private const int DefaultPoints = 120;
    private const int MaxPoints = 2000;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapApi();
        api.MapGet("/devices", async (ISiteQueries site, CancellationToken ct) =>
            Results.Ok((await site.ListDevicesAsync(ct)).Select(DeviceDto.From)))
            .Doc("Every device with its latest value, idle/active state, health and owner node.");

        api.MapGet("/devices/{id}", async (string id, ISiteQueries site, CancellationToken ct) =>
            await site.GetDeviceAsync(id, ct) is { } device ? Results.Ok(DeviceDto.From(device)) : ApiProblems.NotFound($"no device has the id '{id}'"))
            .Doc("One device.");

        api.MapGet("/devices/{id}/history", History)
            .Doc("Readings of one device summarised into at most 'points' equal-width buckets (min, max, avg, count).",
                query: ["metric: default the device's latest metric", "from: ISO 8601, default to - 1 h", "to: ISO 8601, default now", "points: 1-2000, default 120"]);

        api.MapPost("/devices/{id}/commands", Command)
            .RequireRole(ApiRole.Operator)
            .Doc("Sets an actuator's desired state: {\"active\": true|false}. Audited.", body: "{\"active\": true}", success: 202);
    }

    private static async Task<IResult> History(string id, string? metric, DateTimeOffset? from, DateTimeOffset? to, int? points,
        ISiteQueries site, IServiceProvider services, TimeProvider time, CancellationToken ct)
    {
        if (points is < 1 or > MaxPoints) return ApiProblems.BadRequest($"points must be from 1 to {MaxPoints}");
        SiteDeviceState? device = await site.GetDeviceAsync(id, ct);
        if (device is null) return ApiProblems.NotFound($"no device has the id '{id}'");
        string? series = metric ?? device.LastReading?.Metric;
        if (series is null) return ApiProblems.BadRequest($"'{id}' has no readings yet; pass ?metric= to choose a series");
        DateTimeOffset end = to ?? time.GetUtcNow();
        DateTimeOffset start = from ?? end - TimeSpan.FromHours(1);
        if (start >= end) return ApiProblems.BadRequest($"from ({start:O}) must be before to ({end:O})");
        if (services.GetService<IHistoryStore>() is not { } history)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "history not available", detail: "this node keeps no reading history");
        }

        IReadOnlyList<HistoryBucket> buckets = await history.QueryAsync(id, series, start, end, points ?? DefaultPoints, ct);
        return Results.Ok(new { deviceId = id, metric = series, from = start, to = end, points = buckets });
    }

    private static async Task<IResult> Command(string id, HttpContext http, ISiteCommands commands, ApiAudit audit, ApiMetrics metrics)
    {
        (CommandRequest? request, IResult? problem) = await ApiJson.ReadAsync<CommandRequest>(http.Request);
        if (problem is not null) return problem;
        if (request!.Active is not { } active) return ApiProblems.BadRequest("the body needs \"active\": true or false");

        ApiPrincipal who = ApiPrincipal.Of(http);
        CommandOutcome outcome = await commands.SendCommandAsync(id, active, who.ToPrincipal(), http.RequestAborted);
        string status = outcome.Status switch
        {
            CommandStatus.Accepted => "accepted",
            CommandStatus.UnknownDevice => "unknown-device",
            CommandStatus.NotAnActuator => "not-an-actuator",
            _ => "rejected",
        };
        metrics.Commands.Inc(status);
        await audit.WriteAsync(who, active ? "set-active" : "set-idle", id, status, outcome.Detail);
        return outcome.Status switch
        {
            CommandStatus.Accepted => Results.Json(new { status, detail = outcome.Detail, device = outcome.Device is null ? null : DeviceDto.From(outcome.Device) },
                statusCode: StatusCodes.Status202Accepted),
            CommandStatus.UnknownDevice => ApiProblems.NotFound(outcome.Detail),
            CommandStatus.NotAnActuator => ApiProblems.Conflict(outcome.Detail),
            _ => ApiProblems.Conflict($"the actuator refused: {outcome.Detail}"),
        };
    }

    private sealed record CommandRequest(bool? Active);
}
