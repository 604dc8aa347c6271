using IotActors.Actors;
using IotActors.Devices.Gpio;

namespace IotActors.Hosting;

/// <summary>Options of <see cref="DevicesBuilderExtensions.WithDevices"/>; the devices themselves come from <c>iotactors.devices</c>.</summary>
public sealed class DevicesOptions
{
    /// <summary>Name of the top-level device manager actor (default "devices": <c>/user/devices</c>).</summary>
    public string ActorName { get; set; } = "devices";

    /// <summary>Returns the actor that gets every device's samples, faults and health reports (null: none until <c>SetDevicesOwner</c>).</summary>
    public Func<ActorSystem, ActorRegistry, IActorRef?>? Owner { get; set; }

    /// <summary>Opens a GPIO chip from (chip, dev-root); null opens the Linux character device. Tests pass a <see cref="FakeGpioChip"/>.</summary>
    public Func<string, string, IGpioChip>? OpenChip { get; set; }

    /// <summary>Directory that relative dataset paths are resolved against (null: the current directory).</summary>
    public string? BaseDirectory { get; set; }
}
