using IotActors.Actors;
using IotActors.Devices.Actors;
using IotActors.Home.Model;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Actors;

/// <summary>Owner of the node's devices: creates an actuator actor per local actuating device and a sensor actor per sensing device or remote peer, and routes samples to them.</summary>
internal sealed partial class SiteDevicesActor : ReceiveActor
{
    private readonly SmartSiteContext _site;
    private readonly IActorRef? _deviceManager;
    private readonly Dictionary<string, IActorRef> _sensors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _actuators = new(StringComparer.Ordinal);

    public SiteDevicesActor(SmartSiteContext site, IActorRef? deviceManager)
    {
        _site = site;
        _deviceManager = deviceManager;
        Receive<DeviceList>(OnDevices);
        Receive<Sample>(s => Sensor(s.DeviceId, DeviceKind.Sensor)?.Forward(s));
        Receive<IngestSample>(s =>
        {
            if (_actuators.ContainsKey(s.DeviceId))
            {
                LogNotASensor(Log, s.DeviceId);
                return;
            }

            Sensor(s.DeviceId, DeviceKind.RemotePeer)?.Forward(s);
        });
        Receive<DeviceFault>(f =>
        {
            if (_sensors.TryGetValue(f.DeviceId, out var sensor))
            {
                sensor.Forward(f);
            }
        });
        Receive<SimulateSensor>(OnSimulate);
        Receive<OutputSet>(_ => { });
        Receive<DeviceHealthReport>(_ => { });
        Receive<DeviceEndOfData>(_ => { });
    }

    public static Props Props(SmartSiteContext site, IActorRef? deviceManager) =>
        global::IotActors.Actors.Props.Create(() => new SiteDevicesActor(site, deviceManager));

    protected override void PreStart()
    {
        if (_deviceManager is not null)
        {
            _deviceManager.Tell(new SetDevicesOwner(Self), Self);
            _deviceManager.Tell(ListDevices.Instance, Self);
        }
    }

    private void OnDevices(DeviceList list)
    {
        foreach (var device in list.Devices.Where(d => d.IsActuator && !_actuators.ContainsKey(d.DeviceId)))
        {
            _actuators[device.DeviceId] = Context.ActorOf(ActuatorActor.Props(device.DeviceId, _deviceManager!, _site), "actuator-" + device.DeviceId);
        }

        foreach (var device in list.Devices.Where(d => !d.IsActuator))
        {
            Sensor(device.DeviceId, DeviceKind.Sensor);
        }

        LogDevices(Log, _sensors.Count, _actuators.Count);
    }

    private void OnSimulate(SimulateSensor request)
    {
        var replyTo = Sender;
        var log = Log;
        var time = Context.System.TimeProvider;
        string? refusal = request.Origin is { } from && !from.HasRole("dashboard")
            ? $"simulation targets must come from a dashboard node, not {from}"
            : request.OperatorRole is not ("operator" or "admin")
                ? "only operators and admins may drive simulated sensors"
                : _deviceManager is null
                    ? "this node has no local devices"
                    : request.Target is { } t && !double.IsFinite(t) ? "the target must be a finite number" : null;
        if (refusal is not null)
        {
            Simulated(log, time, replyTo, request, new SimulateResult(request.DeviceId, false, null, refusal));
            return;
        }

        var timeout = _site.Settings.CommandTimeout;
        _deviceManager!.Ask<object>(new SetSimulatedTarget(request.DeviceId, request.Target), timeout).ContinueWith(
            task => Simulated(log, time, replyTo, request, task.Status == TaskStatus.RanToCompletion
                ? task.Result switch
                {
                    SimulatedTargetSet set => new SimulateResult(set.DeviceId, true, set.Target,
                        set.Target is { } v ? $"'{set.DeviceId}' now reports {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"'{set.DeviceId}' follows its model again"),
                    DeviceFault fault => new SimulateResult(request.DeviceId, false, null, fault.Reason),
                    var other => new SimulateResult(request.DeviceId, false, null, $"unexpected answer {other.GetType().Name}"),
                }
                : new SimulateResult(request.DeviceId, false, null, $"the device manager did not answer within {timeout.TotalSeconds:0.#} s")),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <remarks>Runs on the actor's thread or on the device manager's answer; touches no actor state.</remarks>
    private void Simulated(ILogger log, TimeProvider time, IActorRef replyTo, SimulateSensor request, SimulateResult result)
    {
        LogSimulated(log, request.DeviceId, request.Target, request.Operator, result.Accepted, result.Detail);
        _site.AuditEntry(new AuditEntry(time.GetUtcNow(), request.Operator, request.OperatorRole,
            request.Target is null ? "sensor.simulate-clear" : "sensor.simulate", request.DeviceId, result.Accepted ? "applied" : "rejected", result.Detail));
        replyTo.Tell(result, ActorRefs.NoSender);
    }

    private IActorRef? Sensor(string deviceId, DeviceKind kind)
    {
        if (_sensors.TryGetValue(deviceId, out var sensor))
        {
            return sensor;
        }

        if (!Rules.RuleValidation.IsId(deviceId))
        {
            LogBadId(Log, deviceId);
            return null;
        }

        sensor = Context.ActorOf(SensorActor.Props(deviceId, kind, _site), "sensor-" + deviceId);
        _sensors[deviceId] = sensor;
        return sensor;
    }

    [LoggerMessage(EventId = 4553, Level = LogLevel.Information, Message = "simulated sensor {DeviceId}: target {Target} by {Operator}: accepted={Accepted} ({Detail})")]
    private static partial void LogSimulated(ILogger logger, string deviceId, double? target, string @operator, bool accepted, string detail);

    [LoggerMessage(EventId = 4550, Level = LogLevel.Information, Message = "smart site runs {Sensors} sensor and {Actuators} actuator actors")]
    private static partial void LogDevices(ILogger logger, int sensors, int actuators);

    [LoggerMessage(EventId = 4551, Level = LogLevel.Warning, Message = "ignored a reading for '{DeviceId}': not a valid device id")]
    private static partial void LogBadId(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 4552, Level = LogLevel.Warning, Message = "ignored a reading for '{DeviceId}': it is an actuator on this node")]
    private static partial void LogNotASensor(ILogger logger, string deviceId);
}
