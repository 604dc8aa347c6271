namespace IotActors.Devices.Abstractions;

/// <summary>A blocking on/off actuator driver (fan, relay, light); a device actor calls it on its own thread.</summary>
/// <remarks>Not thread-safe: one caller at a time.</remarks>
public interface IActuatorDriver : IDisposable
{
    /// <summary>The configured device id, e.g. "fan-1".</summary>
    string DeviceId { get; }

    /// <summary>The device kind, e.g. "gpio-out".</summary>
    string Kind { get; }

    /// <summary>The state last written to the hardware.</summary>
    bool Current { get; }

    /// <summary>Health counters of this driver.</summary>
    DeviceHealth Health { get; }

    /// <summary>Drives the output and returns the value actually written (read back where the hardware allows).</summary>
    /// <exception cref="DeviceIoException">The hardware could not be written.</exception>
    bool Write(bool on);
}
