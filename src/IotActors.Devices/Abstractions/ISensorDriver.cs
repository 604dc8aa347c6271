namespace IotActors.Devices.Abstractions;

/// <summary>A blocking sensor driver; a device actor calls <see cref="Read"/> on its own dedicated thread.</summary>
/// <remarks>Not thread-safe: one caller at a time. <see cref="Read"/> may block for I/O but never throws for device faults.</remarks>
public interface ISensorDriver : IDisposable
{
    /// <summary>The configured device id, e.g. "living-room-temp".</summary>
    string DeviceId { get; }

    /// <summary>The device kind, e.g. "dht22" (see <see cref="Configuration.DeviceKinds"/>).</summary>
    string Kind { get; }

    /// <summary>The shortest allowed interval between two reads.</summary>
    TimeSpan MinPeriod { get; }

    /// <summary>Health counters of this driver.</summary>
    DeviceHealth Health { get; }

    /// <summary>Reads the device once.</summary>
    SensorReadResult Read();
}
