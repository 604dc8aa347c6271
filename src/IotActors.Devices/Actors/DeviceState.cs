namespace IotActors.Devices.Actors;

/// <summary>Lifecycle state of a device actor, as reported in <see cref="DeviceHealthReport"/>.</summary>
public enum DeviceState
{
    /// <summary>The driver is being created.</summary>
    Starting,

    /// <summary>The device actor is running and reading or accepting commands.</summary>
    Running,

    /// <summary>The device actor failed or hung and waits for its backoff delay before it is recreated.</summary>
    Restarting,

    /// <summary>The sensor's source has no more data; the device no longer reads.</summary>
    Ended,

    /// <summary>Too many threads are stuck in the driver; no new one is started until one of them returns.</summary>
    Stalled,
}
