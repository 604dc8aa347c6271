namespace IotActors.Devices.Configuration;

/// <summary>The device kinds accepted in <c>iotactors.devices</c> entries.</summary>
public static class DeviceKinds
{
    /// <summary>DHT22 / AM2302 through the kernel IIO dht11 driver.</summary>
    public const string Dht22 = "dht22";

    /// <summary>Alias of <see cref="Dht22"/>.</summary>
    public const string Am2302 = "am2302";

    /// <summary>DS18B20 1-Wire thermometer.</summary>
    public const string Ds18b20 = "ds18b20";

    /// <summary>GPIO output line (fan, relay, LED).</summary>
    public const string GpioOut = "gpio-out";

    /// <summary>GPIO input line with edge events (button, PIR).</summary>
    public const string GpioIn = "gpio-in";

    /// <summary>Dataset replay (CSV or JSON).</summary>
    public const string Dataset = "dataset";

    /// <summary>Prefix of simulated sensors: "simulated-" + model.</summary>
    public const string SimulatedPrefix = "simulated-";

    /// <summary>Virtual fan (no hardware).</summary>
    public const string VirtualFan = "virtual-fan";

    /// <summary>Virtual light (no hardware).</summary>
    public const string VirtualLight = "virtual-light";

    /// <summary>Virtual relay (no hardware).</summary>
    public const string VirtualRelay = "virtual-relay";

    /// <summary>Every accepted kind.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Dht22, Am2302, Ds18b20, GpioOut, GpioIn, Dataset, VirtualFan, VirtualLight, VirtualRelay,
        .. Simulation.SimulatedSensorDriver.Models.Select(m => SimulatedPrefix + m),
    ];

    /// <summary>True for kinds that create an <see cref="Abstractions.IActuatorDriver"/> rather than a sensor.</summary>
    public static bool IsActuator(string kind) => kind is GpioOut or VirtualFan or VirtualLight or VirtualRelay;
}
