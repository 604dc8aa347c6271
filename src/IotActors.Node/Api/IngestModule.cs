using System.Globalization;
using System.Text.Json;
using IotActors.Home.Site;
using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Dto;
using IotActors.Node.Api.Ingest;
using IotActors.Node.Api.Metrics;
using IotActors.Node.Api.Auth;
using IotActors.Node.Gateways;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary>HTTP ingest for simple peers (operator token): one device's readings, a batch, and the peer's config; rate-limited per source address (429 + Retry-After).</summary>
/// <remarks>Readings go to every <see cref="IReadingSink"/> in DI, the same path the UDP/TCP gateways use.</remarks>
internal sealed class IngestModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapApi();
        api.MapPost("/sensors/{id}/data", (string id, HttpContext http, IEnumerable<IReadingSink> sinks, IngestRateLimit limit, ApiMetrics metrics, TimeProvider time) =>
            Ingest(http, sinks, limit, metrics, (body, source) => IngestParser.ParseObject(body, id, source, time.GetUtcNow()), $"/api/devices/{id}"))
            .RequireRole(ApiRole.Operator)
            .Doc("Posts readings of one device: {\"temperature\":21.5,\"humidity\":40,\"timestamp\":1772366400} or {\"metric\",\"value\",\"unit\"}.",
                body: "{\"temperature\":21.5,\"humidity\":40} or {\"metric\":\"temperature\",\"value\":21.5,\"unit\":\"C\"}", success: 201);

        api.MapPost("/sensors/batch", (HttpContext http, IEnumerable<IReadingSink> sinks, IngestRateLimit limit, ApiMetrics metrics, TimeProvider time, ApiOptions options) =>
            Ingest(http, sinks, limit, metrics, (body, source) => IngestParser.ParseBatch(body, options.IngestMaxBatch, source, time.GetUtcNow()), "/api/devices"))
            .RequireRole(ApiRole.Operator)
            .Doc("Posts readings of several devices at once; all or nothing.", body: "[{\"device\":\"t1\",\"metric\":\"temperature\",\"value\":21.5}] or {\"readings\":[...]}", success: 201);

        api.MapGet("/sensors/{id}/config", async (string id, ISiteQueries site, ApiOptions options, CancellationToken ct) =>
        {
            if (!IngestParser.IsDeviceId(id)) return ApiProblems.BadRequest($"'{id}' is not a valid device id");
            var device = await site.GetDeviceAsync(id, ct);
            return Results.Ok(new
            {
                deviceId = id,
                registered = device is not null,
                kind = device is null ? null : DeviceDto.KindName(device.Kind),
                dataUrl = $"/api/sensors/{id}/data",
                batchUrl = "/api/sensors/batch",
                minIntervalSeconds = 1 / options.IngestRatePerSecond,
                burst = options.IngestBurst,
                maxBatch = options.IngestMaxBatch,
            });
        }).Doc("What a simple peer needs to post: its URLs and the rate limit.");
    }

    private static async Task<IResult> Ingest(HttpContext http, IEnumerable<IReadingSink> sinks, IngestRateLimit limit, ApiMetrics metrics,
        Func<JsonElement, string, (List<PeerReading> Readings, string? Error)> parse, string location)
    {
        string address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limit.TryAcquire(address))
        {
            metrics.IngestRejected.Inc("rate-limited");
            http.Response.Headers.RetryAfter = limit.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ApiProblems.TooManyRequests($"source {address} exceeded the ingest rate limit; retry after {limit.RetryAfterSeconds} s");
        }

        (JsonElement body, IResult? problem) = await ApiJson.ReadElementAsync(http.Request);
        if (problem is not null)
        {
            metrics.IngestRejected.Inc("malformed");
            return problem;
        }

        (List<PeerReading> readings, string? error) = parse(body, $"http:{address}");
        if (error is not null)
        {
            metrics.IngestRejected.Inc("invalid");
            return ApiProblems.BadRequest(error);
        }

        IReadingSink[] all = sinks.ToArray();
        if (all.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "no reading sink", detail: "this node has nothing to deliver readings to");
        }

        var fanOut = new ReadingFanOut(all);
        try
        {
            foreach (PeerReading reading in readings) await fanOut.AcceptAsync(reading);
        }
        catch (ReadingSinkException ex)
        {
            metrics.IngestRejected.Inc("sink-failed");
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "reading sink failed", detail: ex.InnerException?.Message ?? ex.Message);
        }

        metrics.IngestReadings.Add(readings.Count);
        return Results.Created(location, new { accepted = readings.Count });
    }
}
