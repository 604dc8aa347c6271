using IotActors.Actors;

namespace IotActors.Devices.Actors;

/// <summary>Asks the <see cref="DeviceManager"/> for its devices; the reply is <see cref="DeviceList"/>.</summary>
public sealed record ListDevices
{
    /// <summary>The single instance.</summary>
    public static ListDevices Instance { get; } = new();
}

/// <summary>One device of a <see cref="DeviceManager"/>.</summary>
/// <param name="DeviceId">The configured device id.</param>
/// <param name="Kind">The device kind.</param>
/// <param name="IsActuator">True for actuators (accept <see cref="SetOutput"/>).</param>
/// <param name="Device">The device's actor (accepts <see cref="GetDeviceHealth"/>, <see cref="SubscribeDevice"/>, ...).</param>
public sealed record DeviceInfo(string DeviceId, string Kind, bool IsActuator, IActorRef Device);

/// <summary>Reply to <see cref="ListDevices"/>, in configuration order.</summary>
public sealed record DeviceList(IReadOnlyList<DeviceInfo> Devices);

/// <summary>Routes a <see cref="SetOutput"/> to the actuator <paramref name="DeviceId"/>; the reply is <see cref="OutputSet"/> or <see cref="DeviceFault"/>.</summary>
public sealed record SetDeviceOutput(string DeviceId, bool On, string? Reason);

/// <summary>Sets (or clears, with null) the actor that gets every device's samples, faults and health reports.</summary>
public sealed record SetDevicesOwner(IActorRef? Owner);

/// <summary>Forces (or, with a null <paramref name="Target"/>, releases) the primary metric of the simulated sensor <paramref name="DeviceId"/>; the reply is <see cref="SimulatedTargetSet"/> or <see cref="DeviceFault"/>.</summary>
/// <remarks>For tests and demos; a target set this way is lost when the device actor restarts (a configured <c>target</c> applies again).</remarks>
public sealed record SetSimulatedTarget(string DeviceId, double? Target);

/// <summary>Reply to <see cref="SetSimulatedTarget"/>: the simulated sensor now reports <paramref name="Target"/> (null: its model's own values).</summary>
public sealed record SimulatedTargetSet(string DeviceId, double? Target);
