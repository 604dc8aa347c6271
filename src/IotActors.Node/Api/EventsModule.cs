using System.Text;
using System.Text.Json;
using IotActors.Home.Site;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Events;
using IotActors.Node.Api.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IotActors.Node.Api;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events with <c>reading</c>, <c>state</c> and <c>member</c> events, a <c>: heartbeat</c> comment every
/// <see cref="ApiOptions.EventsHeartbeat"/>, and a <c>dropped</c> event when this client fell behind and lost events.
/// Authenticates with the bearer header or the session cookie from <c>POST /api/session</c>.
/// </summary>
internal sealed class EventsModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApi().MapGet("/events", Stream)
            .WithMetadata(CookieAuthAllowed.Instance)
            .Doc("Live stream (text/event-stream) of readings, state changes and member events; heartbeat comment every 15 s.", produces: "text/event-stream");
    }

    private static async Task Stream(HttpContext http, ISiteEvents events, ApiOptions options, TimeProvider time, ApiMetrics metrics, IOptions<JsonOptions> json)
    {
        CancellationToken ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using ISiteSubscription subscription = events.Subscribe(options.EventsBuffer);
        using var heartbeat = new PeriodicTimer(options.EventsHeartbeat, time);
        metrics.EventSubscribers.Add(1);
        long reportedDropped = 0;
        try
        {
            await Write(http, "retry: 3000\n: connected\n\n", ct);
            Task<bool> nextEvent = subscription.Reader.WaitToReadAsync(ct).AsTask();
            Task<bool> nextBeat = heartbeat.WaitForNextTickAsync(ct).AsTask();
            while (!ct.IsCancellationRequested)
            {
                Task done = await Task.WhenAny(nextEvent, nextBeat);
                if (done == nextBeat)
                {
                    if (!await nextBeat) break;
                    await Write(http, ": heartbeat\n\n", ct);
                    nextBeat = heartbeat.WaitForNextTickAsync(ct).AsTask();
                    continue;
                }

                if (!await nextEvent) break;
                var text = new StringBuilder();
                while (subscription.Reader.TryRead(out SiteEvent? siteEvent))
                {
                    if (SiteEventJson.Describe(siteEvent) is not { } described) continue;
                    text.Append("event: ").Append(described.Name).Append("\ndata: ")
                        .Append(JsonSerializer.Serialize(described.Payload, json.Value.SerializerOptions)).Append("\n\n");
                }
                long dropped = subscription.Dropped;
                if (dropped > reportedDropped)
                {
                    metrics.EventsDropped.Add(dropped - reportedDropped);
                    text.Append("event: dropped\ndata: {\"dropped\":").Append(dropped).Append("}\n\n");
                    reportedDropped = dropped;
                }
                await Write(http, text.ToString(), ct);
                nextEvent = subscription.Reader.WaitToReadAsync(ct).AsTask();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            metrics.EventSubscribers.Add(-1);
        }
    }

    private static async Task Write(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.WriteAsync(text, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
