using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using IotActors.Devices.Actors;
using IotActors.Home.Actuators;
using IotActors.Home.Model;
using IotActors.Persistence;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Actors;

/// <summary>One actuating device, persistent as <c>actuator-&lt;deviceId&gt;</c>: applies desired-state commands idempotently, drives its device and re-applies its state after a restart before taking commands.</summary>
internal sealed partial class ActuatorActor : ReceivePersistentActor, IWithTimers, IWithStash
{
    private const string FailSafeTimer = "fail-safe";
    private const string HardwareTimer = "hardware";
    private readonly string _deviceId;
    private readonly IActorRef _hardware;
    private readonly SmartSiteContext _site;
    private readonly FailSafePolicy _failSafe;
    private readonly SnapshotPolicy _snapshots;
    private ActuatorState _state;
    private DateTimeOffset? _lastReadingAt;
    private DateTimeOffset _watchingSince;

    public ActuatorActor(string deviceId, IActorRef hardware, SmartSiteContext site)
    {
        _deviceId = deviceId;
        _hardware = hardware;
        _site = site;
        _state = ActuatorState.Initial(deviceId);
        _failSafe = new FailSafePolicy(site.Settings.Home.ActuatorFailSafe, site.Settings.Home.SensorStaleAfter);
        _snapshots = new SnapshotPolicy(new SnapshotPolicyOptions(site.Settings.Home.ActuatorSnapshotEvery));
        Recover<SnapshotOffer>(o => _state = (ActuatorState)o.Snapshot);
        Recover<ActuatorEvent>(e =>
        {
            _state = ActuatorStateMachine.ReplayEvent(_state, e, out bool repeated);
            if (repeated) LogRepeatedEvent(Log, _deviceId, e.GetType().Name, LastSequenceNr);
        });
        Recover<RecoveryCompleted>(_ => Reapply());
    }

    public override string PersistenceId => "actuator-" + _deviceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    protected override SnapshotPolicy SnapshotPolicy => _snapshots;

    public static Props Props(string deviceId, IActorRef hardware, SmartSiteContext site) =>
        global::IotActors.Actors.Props.Create(() => new ActuatorActor(deviceId, hardware, site));

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private void Reapply()
    {
        var output = ActuatorRecovery.FirstOutput(_state, _site.Settings.Home.ActuatorFailSafe);
        LogReapplying(Log, _deviceId, output.Active, _state.Version);
        _hardware.Tell(new SetDeviceOutput(_deviceId, output.Active, output.Reason), Self);
        Timers.StartSingleTimer(HardwareTimer, HardwareTimeout.Instance, _site.Settings.HardwareTimeout);
        Become(() =>
        {
            Command<OutputSet>(o => o.DeviceId == _deviceId, _ => Ready(confirmed: true));
            Command<DeviceFault>(f =>
            {
                LogHardwareFault(Log, _deviceId, f.Reason);
                Ready(confirmed: false);
            });
            Command<HardwareTimeout>(_ => Ready(confirmed: false));
            CommandAny(_ => Stash.Stash());
        });
    }

    private void Ready(bool confirmed)
    {
        Timers.Cancel(HardwareTimer);
        if (!confirmed)
        {
            LogNotConfirmed(Log, _deviceId);
        }

        _watchingSince = Now;
        _site.Receptionist.Tell(new Register(new ServiceKey<ActuatorCommand>(HomeTopics.ActuatorKey(_deviceId)), Self), Self);
        Timers.StartPeriodicTimer(FailSafeTimer, FailSafeCheck.Instance, _site.Settings.FailSafeCheckInterval);
        WriteState();
        Become(Running);
        Stash.UnstashAll();
    }

    private void Running()
    {
        Command<ActuatorCommand>(c =>
        {
            if (c.Origin is { } from && !from.HasRole("controller"))
            {
                Reject(c.Command, from.ToString(), string.Join(",", from.Roles), "only controller nodes may send controller commands");
                return;
            }

            Handle(c.Command, c.Origin?.ToString() ?? c.Command.RequestedBy ?? "local-controller", "controller");
        });
        Command<OperatorCommand>(c =>
        {
            if (c.Origin is { } from && !from.HasRole("dashboard"))
            {
                Reject(c.Command, c.Operator, c.OperatorRole, $"operator commands must come from a dashboard node, not {from}");
                return;
            }

            if (c.OperatorRole is not ("operator" or "admin"))
            {
                Reject(c.Command, c.Operator, c.OperatorRole, "only operators and admins may command actuators");
                return;
            }

            Handle(c.Command, c.Operator, c.OperatorRole);
        });
        Command<SetActive>(c => Handle(c, c.RequestedBy ?? "local", "local"));
        Command<ControlFeed>(f =>
        {
            if (f.Origin is { } from && !from.HasRole("controller"))
            {
                return;
            }

            if (_lastReadingAt is not { } last || f.LastReadingAt > last)
            {
                _lastReadingAt = f.LastReadingAt;
            }
        });
        Command<FailSafeCheck>(_ =>
        {
            if (_failSafe.Decide(_state, _lastReadingAt, _watchingSince, Now) is { } command)
            {
                LogFailSafe(Log, _deviceId, command.Active);
                Handle(command, "fail-safe", "system");
            }
        });
        Command<GetActuatorState>(_ => Sender.Tell(_state, Self));
        Command<OutputSet>(_ => { });
        Command<DeviceFault>(f => LogHardwareFault(Log, _deviceId, f.Reason));
        Command<Registered>(_ => { });
        Command<UpdateAck>(_ => { });
        Command<Status.Failure>(f => LogStateWriteFailed(Log, f.Cause, _deviceId));
    }

    private void Handle(SetActive command, string who, string role)
    {
        var replyTo = Sender;
        if (!string.Equals(command.DeviceId, _deviceId, StringComparison.Ordinal))
        {
            Reject(command, who, role, $"command for '{command.DeviceId}' sent to actuator '{_deviceId}'");
            return;
        }

        _site.Counters.Command();
        var now = Now;
        var (next, evt) = ActuatorStateMachine.Apply(_state, command, now);
        if (evt is null)
        {
            Audit(who, role, command, "unchanged", $"already {(next.IsActive ? "active" : "idle")}");
            replyTo.Tell(new CommandResult(_deviceId, true, false, next.IsActive, next.Version, $"'{_deviceId}' is already {(next.IsActive ? "active" : "idle")}"), Self);
            return;
        }

        Persist(evt, e =>
        {
            _state = next;
            _hardware.Tell(new SetDeviceOutput(_deviceId, _state.IsActive, e.Reason), Self);
            _site.Mediator.Tell(new Publish(HomeTopics.State, ActuatorStateMachine.ToStateChanged(_state, e)), Self);
            WriteState();
            LogChanged(Log, _deviceId, _state.IsActive, e.Reason, who);
            Audit(who, role, command, "applied", e.Reason);
            replyTo.Tell(new CommandResult(_deviceId, true, true, _state.IsActive, _state.Version, $"'{_deviceId}' is now {(_state.IsActive ? "active" : "idle")}"), Self);
            SaveSnapshotIfDue(_state);
        });
    }

    private void Reject(SetActive command, string who, string role, string why)
    {
        _site.Counters.RejectedCommand();
        LogRejected(Log, _deviceId, who, why);
        Audit(who, role, command, "rejected", why);
        Sender.Tell(new CommandResult(_deviceId, false, false, _state.IsActive, _state.Version, why), Self);
    }

    private void Audit(string who, string role, SetActive command, string outcome, string detail) =>
        _site.AuditEntry(new AuditEntry(Now, who, role, command.Active ? "actuator.activate" : "actuator.deactivate", _deviceId, outcome, detail));

    private void WriteState() =>
        _site.WriteState(new SiteDeviceState(_deviceId, DeviceKind.Actuator, null, _state.IsActive, DeviceHealth.Online, _site.Settings.NodeAddress, _state.Version + 1, Now), Self);

    [LoggerMessage(EventId = 4520, Level = LogLevel.Information, Message = "actuator {DeviceId} recovered; re-applying active={Active} (version {Version}) before taking commands")]
    private static partial void LogReapplying(ILogger logger, string deviceId, bool active, long version);

    [LoggerMessage(EventId = 4523, Level = LogLevel.Warning, Message = "actuator {DeviceId}: journal event {SequenceNr} ({Event}) repeats the state it follows; replayed as a re-assertion")]
    private static partial void LogRepeatedEvent(ILogger logger, string deviceId, string @event, long sequenceNr);

    [LoggerMessage(EventId = 4521, Level = LogLevel.Warning, Message = "actuator {DeviceId}: the device did not confirm the re-applied state; taking commands anyway")]
    private static partial void LogNotConfirmed(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 4522, Level = LogLevel.Warning, Message = "actuator {DeviceId}: device fault: {Reason}")]
    private static partial void LogHardwareFault(ILogger logger, string deviceId, string reason);

    [LoggerMessage(EventId = 4523, Level = LogLevel.Information, Message = "actuator {DeviceId} is now active={Active}: {Reason} (by {Who})")]
    private static partial void LogChanged(ILogger logger, string deviceId, bool active, string reason, string who);

    [LoggerMessage(EventId = 4524, Level = LogLevel.Warning, Message = "actuator {DeviceId} rejected a command from {Who}: {Why}")]
    private static partial void LogRejected(ILogger logger, string deviceId, string who, string why);

    [LoggerMessage(EventId = 4525, Level = LogLevel.Warning, Message = "actuator {DeviceId}: controlling data is stale; applying fail-safe active={Active}")]
    private static partial void LogFailSafe(ILogger logger, string deviceId, bool active);

    [LoggerMessage(EventId = 4526, Level = LogLevel.Warning, Message = "writing the site state of {DeviceId} failed")]
    private static partial void LogStateWriteFailed(ILogger logger, Exception exception, string deviceId);
}
