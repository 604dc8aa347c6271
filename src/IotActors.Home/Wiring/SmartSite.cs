using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using IotActors.Home.Actors;
using IotActors.Home.Audit;
using IotActors.Home.History;
using IotActors.Home.Model;
using IotActors.Remote;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Wiring;

/// <summary>The smart-site domain running on one actor system: its actors, the site view and commands the API uses.</summary>
/// <remarks>
/// Start it after remoting (optional), pub-sub, the registry, replicated state and persistence, and after the devices when
/// there are local devices. Refused domain messages (remoting's role policy) are counted and audited.
/// </remarks>
public sealed partial class SmartSite
{
    private readonly SmartSiteContext _context;

    private readonly TimeProvider _time;

    private SmartSite(SmartSiteContext context, IActorRef devices, IActorRef rules, IActorRef? controller, SiteView view, SiteCommands commands, SiteSimulation simulation, TimeProvider time)
    {
        _time = time;
        Simulation = simulation;
        _context = context;
        Devices = devices;
        Rules = rules;
        Controller = controller;
        View = view;
        Commands = commands;
    }

    /// <summary>The owner of the node's devices (<c>/user/site-devices</c>); send it <see cref="IngestSample"/>s of remote peers.</summary>
    public IActorRef Devices { get; }

    /// <summary>The rule actor (<c>/user/site-rules</c>).</summary>
    public IActorRef Rules { get; }

    /// <summary>The controller (<c>/user/site-controller</c>), on nodes with role controller.</summary>
    public IActorRef? Controller { get; }

    /// <summary>The replicated site, for queries and live events.</summary>
    public SiteView View { get; }

    /// <summary>Commands and rule changes.</summary>
    public SiteCommands Commands { get; }

    /// <summary>The test/demo hook that drives simulated sensors on their owning nodes.</summary>
    public SiteSimulation Simulation { get; }

    /// <summary>The domain's counters.</summary>
    public HomeCounters Counters => _context.Counters;

    /// <summary>Starts the domain actors on <paramref name="system"/>.</summary>
    /// <param name="system">The node's actor system, with pub-sub, the registry, replicated state and persistence started.</param>
    /// <param name="settings">The domain settings.</param>
    /// <param name="deviceManager">The node's <c>DeviceManager</c>, or null when the node has no local devices.</param>
    /// <param name="history">The history store readings are appended to (null: none).</param>
    /// <param name="audit">The audit log (null: none).</param>
    /// <exception cref="InvalidOperationException">A required cluster tool is not started.</exception>
    public static SmartSite Start(ActorSystem system, SmartSiteSettings settings, IActorRef? deviceManager, IHistoryStore? history, IAuditLog? audit)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var logger = system.LoggerFactory.CreateLogger("IotActors.Home");
        var context = new SmartSiteContext(settings, DistributedPubSub.Get(system).Mediator, Receptionist.Get(system).Ref,
            ReplicatedState.Get(system).Replicator, history, audit, logger);
        var rules = system.ActorOf(RuleSetActor.Props(context), "site-rules");
        var view = new SiteView(system.TimeProvider, context.Health, rules, settings.CommandTimeout);
        system.ActorOf(SiteViewActor.Props(view, context.Replicator), "site-view");
        var controller = settings.IsController ? system.ActorOf(ControllerActor.Props(context, rules), "site-controller") : null;
        var devices = system.ActorOf(SiteDevicesActor.Props(context, deviceManager), "site-devices");
        var commands = new SiteCommands(view, context.Receptionist, rules, settings.CommandTimeout);
        var simulation = new SiteSimulation(system, view, devices, settings.NodeAddress, settings.CommandTimeout);
        var site = new SmartSite(context, devices, rules, controller, view, commands, simulation, system.TimeProvider);
        if (system.GetExtension<Remoting>() is { } remoting)
        {
            remoting.Registry.Policy.Rejected += site.OnPolicyRejected;
        }

        LogStarted(logger, settings.NodeAddress, settings.IsController, settings.Home.Rules.Count);
        return site;
    }

    /// <summary>Hands a remote peer's reading to its sensor actor.</summary>
    public void Ingest(IngestSample sample) => Devices.Tell(sample, null);

    private void OnPolicyRejected(NodeIdentity sender, string manifest)
    {
        if (!manifest.StartsWith("home.", StringComparison.Ordinal))
        {
            return;
        }

        _context.Counters.PolicyRejection();
        LogPolicyRejected(_context.Logger, manifest, sender.ToString(), string.Join(",", sender.Roles));
        _context.AuditEntry(new AuditEntry(_time.GetUtcNow(), sender.ToString(), string.Join(",", sender.Roles), manifest, "*", "rejected",
            $"role policy: {manifest} is not allowed from roles [{string.Join(",", sender.Roles)}]"));
    }

    [LoggerMessage(EventId = 4570, Level = LogLevel.Information, Message = "smart site started on {Node} (controller: {Controller}, {Rules} configured rules)")]
    private static partial void LogStarted(ILogger logger, string node, bool controller, int rules);

    [LoggerMessage(EventId = 4571, Level = LogLevel.Warning, Message = "refused {Manifest} from {Sender} (roles {Roles}); audited")]
    private static partial void LogPolicyRejected(ILogger logger, string manifest, string sender, string roles);
}
