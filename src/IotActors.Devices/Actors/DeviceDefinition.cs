using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Actors;

/// <summary>What a device actor needs: id, kind, read period and a way to create its driver (called again on every restart).</summary>
public sealed class DeviceDefinition
{
    private DeviceDefinition(string deviceId, string kind, TimeSpan period, Func<ISensorDriver>? sensor, Func<IActuatorDriver>? actuator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        DeviceId = deviceId;
        Kind = kind;
        Period = period;
        CreateSensor = sensor;
        CreateActuator = actuator;
    }

    /// <summary>The configured device id (also the actor name).</summary>
    public string DeviceId { get; }

    /// <summary>The device kind, e.g. "dht22".</summary>
    public string Kind { get; }

    /// <summary>The read period of a sensor (zero for actuators).</summary>
    public TimeSpan Period { get; }

    /// <summary>True for actuators.</summary>
    public bool IsActuator => CreateActuator is not null;

    internal Func<ISensorDriver>? CreateSensor { get; }

    internal Func<IActuatorDriver>? CreateActuator { get; }

    /// <summary>A sensor device read every <paramref name="period"/> (never faster than the driver's MinPeriod).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static DeviceDefinition Sensor(string deviceId, string kind, TimeSpan period, Func<ISensorDriver> createDriver)
    {
        ArgumentNullException.ThrowIfNull(createDriver);
        if (period <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(period), period, $"Device '{deviceId}': the read period must be positive."); }
        return new DeviceDefinition(deviceId, kind, period, createDriver, null);
    }

    /// <summary>An actuator device driven by <see cref="SetOutput"/>.</summary>
    public static DeviceDefinition Actuator(string deviceId, string kind, Func<IActuatorDriver> createDriver)
    {
        ArgumentNullException.ThrowIfNull(createDriver);
        return new DeviceDefinition(deviceId, kind, TimeSpan.Zero, null, createDriver);
    }
}
