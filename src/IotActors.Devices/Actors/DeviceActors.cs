using IotActors.Actors;

namespace IotActors.Devices.Actors;

/// <summary>Creates device actors: one supervised actor per device, whose driver runs on its own pinned thread.</summary>
public static class DeviceActors
{
    /// <summary>Props of the actor of one device; it sends <see cref="Sample"/>, <see cref="DeviceFault"/>, <see cref="DeviceHealthReport"/>, <see cref="DeviceEndOfData"/> and <see cref="OutputSet"/> to <paramref name="owner"/> and its subscribers.</summary>
    /// <remarks>
    /// The returned actor runs on the default dispatcher and owns a child on the pinned dispatcher (one thread) that calls
    /// the driver. It accepts <see cref="GetDeviceHealth"/>, <see cref="SubscribeDevice"/>, <see cref="UnsubscribeDevice"/>
    /// and, for actuators, <see cref="SetOutput"/>. A failing driver is recreated with backoff; a driver call that exceeds
    /// <see cref="DeviceActorSettings.ReadTimeout"/> is reported and its thread abandoned.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static Props Props(DeviceDefinition device, IActorRef? owner, DeviceActorSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        var valid = (settings ?? DeviceActorSettings.Default).Validate();
        return IotActors.Actors.Props.Create(() => new DeviceSupervisor(device, owner, valid));
    }
}
