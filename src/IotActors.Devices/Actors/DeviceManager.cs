using IotActors.Actors;
using IotActors.Devices.Configuration;
using Microsoft.Extensions.Logging;

namespace IotActors.Devices.Actors;

/// <summary>Parent of all device actors of a node: lists them, routes <see cref="SetDeviceOutput"/> by id and forwards every device's messages to a configurable owner.</summary>
/// <remarks>
/// Children are named by device id (e.g. <c>/user/devices/living-room-temp</c>). Devices start sampling at once; until an owner
/// is set, their messages are kept (the newest <see cref="MaxHeldForOwner"/>) and handed over in order when it is.
/// </remarks>
public sealed partial class DeviceManager : ActorBase
{
    private readonly IReadOnlyList<DeviceDefinition> _definitions;
    private readonly DeviceActorSettings _settings;
    private readonly Dictionary<string, (DeviceDefinition Definition, IActorRef Device)> _devices = new(StringComparer.Ordinal);
    private readonly List<DeviceInfo> _list = [];
    private readonly Queue<(object Message, IActorRef? Sender)> _heldForOwner = new();
    private IActorRef? _owner;
    private long _droppedBeforeOwner;

    /// <summary>Most device messages kept while no owner is set.</summary>
    public const int MaxHeldForOwner = 1024;

    private DeviceManager(IReadOnlyList<DeviceDefinition> definitions, DeviceActorSettings settings, IActorRef? owner)
    {
        _definitions = definitions;
        _settings = settings;
        _owner = owner;
    }

    /// <summary>Props of a manager of <paramref name="devices"/>; samples, faults and health reports go to <paramref name="owner"/> (changeable with <see cref="SetDevicesOwner"/>).</summary>
    /// <exception cref="DeviceConfigurationException">Two devices share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static Props Props(IReadOnlyList<DeviceDefinition> devices, DeviceActorSettings? settings = null, IActorRef? owner = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var duplicates = devices.GroupBy(d => d.DeviceId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"device id '{g.Key}' is used {g.Count()} times; ids must be unique per node").ToList();
        if (duplicates.Count > 0) { throw new DeviceConfigurationException(duplicates); }
        var valid = (settings ?? DeviceActorSettings.Default).Validate();
        var copy = devices.ToArray();
        return IotActors.Actors.Props.Create(() => new DeviceManager(copy, valid, owner));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var definition in _definitions)
        {
            var device = Context.ActorOf(DeviceActors.Props(definition, Self, _settings), definition.DeviceId);
            _devices[definition.DeviceId] = (definition, device);
            _list.Add(new DeviceInfo(definition.DeviceId, definition.Kind, definition.IsActuator, device));
        }

        LogStarted(Log, _list.Count, _list.Count(d => d.IsActuator));
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ListDevices:
                Sender.Tell(new DeviceList(_list.ToArray()), Self);
                return true;
            case SetDeviceOutput set:
                Route(set);
                return true;
            case SetSimulatedTarget target:
                RouteSimulation(target);
                return true;
            case SetDevicesOwner o:
                _owner = o.Owner;
                HandOverHeld();
                return true;
            case Sample or DeviceFault or DeviceHealthReport or DeviceEndOfData or OutputSet:
                ToOwner(message, Sender);
                return true;
            default:
                return false;
        }
    }

    private void ToOwner(object message, IActorRef? sender)
    {
        if (_owner is not null)
        {
            _owner.Tell(message, sender);
            return;
        }

        if (_heldForOwner.Count == MaxHeldForOwner)
        {
            _heldForOwner.Dequeue();
            _droppedBeforeOwner++;
        }

        _heldForOwner.Enqueue((message, sender));
    }

    private void HandOverHeld()
    {
        if (_owner is null || (_heldForOwner.Count == 0 && _droppedBeforeOwner == 0))
        {
            return;
        }

        LogHandedOver(Log, _heldForOwner.Count, _droppedBeforeOwner);
        while (_heldForOwner.TryDequeue(out var held))
        {
            _owner.Tell(held.Message, held.Sender);
        }

        _droppedBeforeOwner = 0;
    }

    private void Route(SetDeviceOutput set)
    {
        if (!_devices.TryGetValue(set.DeviceId, out var entry) || !entry.Definition.IsActuator)
        {
            var actuators = string.Join(", ", _list.Where(d => d.IsActuator).Select(d => d.DeviceId));
            var what = entry.Device is null ? $"no device '{set.DeviceId}' on this node" : $"device '{set.DeviceId}' is a sensor, not an actuator";
            Sender.Tell(new DeviceFault(set.DeviceId, $"{what}; actuators on this node: [{actuators}]", false), Self);
            return;
        }

        entry.Device.Tell(new SetOutput(set.On, set.Reason), Sender);
    }

    private void RouteSimulation(SetSimulatedTarget target)
    {
        if (!_devices.TryGetValue(target.DeviceId, out var entry) || entry.Definition.IsActuator)
        {
            var sensors = string.Join(", ", _list.Where(d => !d.IsActuator).Select(d => d.DeviceId));
            Sender.Tell(new DeviceFault(target.DeviceId, $"no sensor '{target.DeviceId}' on this node; sensors on this node: [{sensors}]", false), Self);
            return;
        }

        entry.Device.Tell(target, Sender);
    }

    [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "device manager handed {Count} device messages kept until an owner was set over to it ({Dropped} older ones dropped)")]
    private static partial void LogHandedOver(ILogger logger, int count, long dropped);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "device manager started {Count} devices ({Actuators} actuators)")]
    private static partial void LogStarted(ILogger logger, int count, int actuators);
}
