using IotActors.Actors;
using IotActors.Home.Audit;
using IotActors.Home.History;
using IotActors.Home.Model;
using IotActors.Home.Sensors;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Actors;

/// <summary>What every domain actor of a node shares: settings, the cluster tools' actors, stores and counters.</summary>
internal sealed partial class SmartSiteContext
{
    public SmartSiteContext(SmartSiteSettings settings, IActorRef mediator, IActorRef receptionist, IActorRef replicator,
        IHistoryStore? history, IAuditLog? audit, ILogger logger)
    {
        Settings = settings.Validate();
        Mediator = mediator;
        Receptionist = receptionist;
        Replicator = replicator;
        History = history;
        Audit = audit;
        Logger = logger;
        var home = settings.Home;
        Validator = new SampleValidator(SampleValidationOptions.Default with { MinInterval = home.SensorMinInterval });
        Health = new DeviceHealthPolicy(home.SensorStaleAfter, home.SensorOfflineAfter);
    }

    public SmartSiteSettings Settings { get; }

    public IActorRef Mediator { get; }

    public IActorRef Receptionist { get; }

    public IActorRef Replicator { get; }

    public IHistoryStore? History { get; }

    public IAuditLog? Audit { get; }

    public ILogger Logger { get; }

    public SampleValidator Validator { get; }

    public DeviceHealthPolicy Health { get; }

    public HomeCounters Counters { get; } = new();

    /// <summary>Writes a device's state to the replicated site map (the ack goes to <paramref name="sender"/>).</summary>
    public void WriteState(SiteDeviceState state, IActorRef? sender) =>
        Replicator.Tell(new Cluster.Tools.Replication.Update(state.DeviceId, System.Text.Json.JsonSerializer.Serialize(state, HomeJsonContext.Wire.SiteDeviceState)), sender);

    /// <summary>Appends an audit entry without blocking the caller; a failing store is logged.</summary>
    public void AuditEntry(AuditEntry entry)
    {
        if (Audit is null)
        {
            return;
        }

        _ = AppendAsync(entry);
    }

    private async Task AppendAsync(AuditEntry entry)
    {
        try
        {
            await Audit!.AppendAsync(entry).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAuditFailed(Logger, ex, entry.What, entry.Target);
        }
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Error, Message = "could not write audit entry {What} {Target}")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string what, string target);
}
