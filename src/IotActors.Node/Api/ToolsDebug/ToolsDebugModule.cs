using System.Text.Json;
using System.Text.Json.Nodes;
using IotActors.Actors;
using IotActors.Cluster.Replication;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using IotActors.Home.Wiring;
using IotActors.Hosting;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Dto;
using IotActors.Node.Tools;
using IotActors.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Api.ToolsDebug;

/// <summary>
/// Test/demo endpoints over the cluster tools, mapped only when <c>iotactors.api.debug-endpoints = on</c>: subscribe a probe
/// to a pub-sub topic and read what it received, publish on a topic, register and list registry services, write and read
/// the replicated map under <c>debug:</c> keys. The multi-node tests drive real node processes through them.
/// </summary>
internal sealed class ToolsDebugModule : IApiModule
{
    /// <summary>Manifest of <see cref="ProbeNote"/> on the wire.</summary>
    public const string NoteManifest = "debug.ProbeNote";

    /// <summary>Prefix of the replicated keys these endpoints write (the site view ignores them).</summary>
    public const string StateKeyPrefix = SiteKeys.DebugPrefix;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Startup step: registers the note manifest and starts <c>/user/tools-probe</c>.</summary>
    public static Task StartProbe(ActorSystem system, IServiceProvider services, CancellationToken cancellation)
    {
        if (system.GetExtension<Remoting>() is { } remoting && !remoting.Registry.IsRegistered(NoteManifest))
        {
            remoting.Registry.Register(NoteManifest, ProbeJsonContext.Default.ProbeNote);
        }

        var probe = system.ActorOf(ToolsProbeActor.Props(DistributedPubSub.Get(system).Mediator, Receptionist.Get(system).Ref), "tools-probe");
        services.GetRequiredService<ActorRegistry>().Register<ToolsProbeActor>(probe);
        return Task.CompletedTask;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapApi();
        api.MapPost("/debug/topics/{topic}/subscribe", SubscribeAsync).RequireRole(ApiRole.Operator)
            .Doc("Test/demo only: subscribes this node's probe to a pub-sub topic (answers once the mediator acknowledged).");
        api.MapPost("/debug/topics/{topic}/publish", PublishAsync).RequireRole(ApiRole.Operator)
            .Doc("Test/demo only: publishes {\"text\": \"...\"} on a topic to every subscriber in the cluster.", body: "{\"text\": \"hello\"}");
        api.MapGet("/debug/topics/{topic}", TopicAsync).RequireRole(ApiRole.Viewer)
            .Doc("Test/demo only: the notes this node's probe received on a topic and the nodes this node knows to have subscribers.");
        api.MapPost("/debug/services/{key}", RegisterAsync).RequireRole(ApiRole.Operator)
            .Doc("Test/demo only: registers a probe actor of this node under a registry key.");
        api.MapGet("/debug/services/{key}", ListingAsync).RequireRole(ApiRole.Viewer)
            .Doc("Test/demo only: the registry listing of a key as this node sees it (actor addresses, ordered).");
        api.MapPut("/debug/state/{key}", UpdateAsync).RequireRole(ApiRole.Operator)
            .Doc("Test/demo only: writes a JSON document to the replicated map under debug:{key}; answers with its version.", body: "{\"v\": 1}");
        api.MapGet("/debug/state", StateAsync).RequireRole(ApiRole.Viewer)
            .Doc("Test/demo only: this node's replicated debug: entries with versions, and the digest of the whole map.");
        api.MapGet("/debug/state/digest", DigestAsync).RequireRole(ApiRole.Viewer)
            .Doc("Test/demo only: the digest, clock and entry count of this node's whole replicated map (equal digests: equal maps).");
    }

    private static async Task<IResult> SubscribeAsync(string topic, IServiceProvider services)
    {
        if (Probe(services) is not { } probe) return NotRunning();
        await probe.Ask<SubscribeAck>(new ToolsProbeActor.SubscribeTopic(topic), AskTimeout);
        return Results.Ok(new { topic, subscribed = true });
    }

    private static async Task<IResult> PublishAsync(string topic, HttpContext http, IServiceProvider services)
    {
        (PublishRequest? request, IResult? problem) = await ApiJson.ReadAsync<PublishRequest>(http.Request);
        if (problem is not null) return problem;
        if (string.IsNullOrEmpty(request!.Text)) return ApiProblems.BadRequest("the body needs \"text\": \"<non-empty>\"");
        if (System(services) is not { } system) return NotRunning();
        DistributedPubSub.Get(system).Publish(topic, new ProbeNote(request.Text, system.Address.ToString()));
        return Results.Accepted(value: new { topic, text = request.Text });
    }

    private static async Task<IResult> TopicAsync(string topic, IServiceProvider services)
    {
        if (Probe(services) is not { } probe || System(services) is not { } system) return NotRunning();
        var notes = await probe.Ask<ToolsProbeActor.Notes>(new ToolsProbeActor.GetNotes(topic), AskTimeout);
        var nodes = await DistributedPubSub.Get(system).Mediator.Ask<TopicNodes>(new GetTopicNodes(topic), AskTimeout);
        return Results.Ok(new
        {
            topic,
            subscribed = notes.Subscribed,
            received = notes.Received.Select(n => new { text = n.Text, from = n.From }),
            nodes = nodes.Nodes,
        });
    }

    private static async Task<IResult> RegisterAsync(string key, IServiceProvider services)
    {
        if (Probe(services) is not { } probe) return NotRunning();
        var registered = await probe.Ask<Registered>(new ToolsProbeActor.RegisterService(key), AskTimeout);
        return Results.Ok(new { key, service = registered.Service.Path.ToString() });
    }

    private static async Task<IResult> ListingAsync(string key, IServiceProvider services)
    {
        if (System(services) is not { } system) return NotRunning();
        var listing = await Receptionist.Get(system).Ref.Ask<Listing>(new Find(new ServiceKey<ProbeNote>(key)), AskTimeout);
        return Results.Ok(new { key, services = listing.Services.Select(s => s.Path.ToString()) });
    }

    private static async Task<IResult> UpdateAsync(string key, HttpContext http, IServiceProvider services)
    {
        JsonNode? value;
        try
        {
            value = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest($"the body is not JSON: {e.Message}");
        }

        if (value is null) return ApiProblems.BadRequest("the body must be a JSON document, not null");
        if (System(services) is not { } system) return NotRunning();
        try
        {
            var ack = await ReplicatedState.Get(system).UpdateAsync(StateKeyPrefix + key, value.ToJsonString(), AskTimeout);
            return Results.Ok(new { key = ack.Key, version = ack.Version.ToString() });
        }
        catch (ArgumentException e)
        {
            return ApiProblems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> StateAsync(IServiceProvider services)
    {
        if (System(services) is not { } system) return NotRunning();
        var all = await ReplicatedState.Get(system).GetAllAsync(AskTimeout);
        var entries = all.Entries
            .Where(kv => kv.Key.StartsWith(StateKeyPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[StateKeyPrefix.Length..], kv => Describe(kv.Value), StringComparer.Ordinal);
        return Results.Ok(new { digest = all.Digest, clock = all.Clock, entries });
    }

    private static async Task<IResult> DigestAsync(IServiceProvider services)
    {
        if (System(services) is not { } system) return NotRunning();
        var all = await ReplicatedState.Get(system).GetAllAsync(AskTimeout);
        return Results.Ok(new { digest = all.Digest, clock = all.Clock, count = all.Entries.Count });
    }

    private static object Describe(LwwEntry e) =>
        new { value = JsonNode.Parse(e.ValueJson), version = e.Version.ToString(), ownerRemoved = e.OwnerRemoved };

    private static ActorSystem? System(IServiceProvider services)
    {
        try
        {
            return services.GetService<ActorSystem>();
        }
        catch (InvalidOperationException)
        {
            return null; // not started yet
        }
    }

    private static IActorRef? Probe(IServiceProvider services) =>
        services.GetRequiredService<ActorRegistry>().TryGet<ToolsProbeActor>(out var probe) ? probe : null;

    private static IResult NotRunning() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "actor system not running", detail: "the node is starting or stopping");

    private sealed record PublishRequest(string? Text);
}
