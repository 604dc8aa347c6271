using IotActors.Actors;
using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Actors;

/// <summary>A good reading of a sensor device, sent to the device's owner and subscribers.</summary>
/// <param name="DeviceId">The configured device id.</param>
/// <param name="Metrics">The measured values.</param>
/// <param name="Timestamp">Source time of the reading (for replays the recorded time).</param>
public sealed record Sample(string DeviceId, IReadOnlyList<MetricValue> Metrics, DateTimeOffset Timestamp);

/// <summary>A device read, write or driver failed; <paramref name="Transient"/> says whether it is expected to clear by itself.</summary>
/// <param name="DeviceId">The configured device id.</param>
/// <param name="Reason">What failed and what happens next.</param>
/// <param name="Transient">True when the device keeps trying (retry or restart); false when it needs attention.</param>
public sealed record DeviceFault(string DeviceId, string Reason, bool Transient);

/// <summary>A sensor device reached the end of its data (a finished dataset replay) and stopped reading.</summary>
public sealed record DeviceEndOfData(string DeviceId, DateTimeOffset Timestamp);

/// <summary>Health of one device: its state, the counters kept across restarts and how often it was restarted.</summary>
/// <param name="DeviceId">The configured device id.</param>
/// <param name="Kind">The device kind, e.g. "dht22".</param>
/// <param name="State">Lifecycle state of the device actor.</param>
/// <param name="Health">Last good read or write, last error and error counts (kept across restarts).</param>
/// <param name="Restarts">How many times the device actor was restarted.</param>
/// <param name="AbandonedThreads">Threads left stuck in the driver after a read or write deadline passed.</param>
public sealed record DeviceHealthReport(string DeviceId, string Kind, DeviceState State, DeviceHealthSnapshot Health, int Restarts, int AbandonedThreads);

/// <summary>Asks a device for its <see cref="DeviceHealthReport"/>.</summary>
public sealed record GetDeviceHealth
{
    /// <summary>The single instance.</summary>
    public static GetDeviceHealth Instance { get; } = new();
}

/// <summary>Adds a subscriber that gets the same samples, faults, health reports and confirmations as the owner.</summary>
public sealed record SubscribeDevice(IActorRef Subscriber);

/// <summary>Removes a subscriber added with <see cref="SubscribeDevice"/>.</summary>
public sealed record UnsubscribeDevice(IActorRef Subscriber);

/// <summary>Drives an actuator device on or off; the reply is <see cref="OutputSet"/> or <see cref="DeviceFault"/>.</summary>
/// <param name="On">The desired state.</param>
/// <param name="Reason">Why (for logs), e.g. "temperature 25.3 > 25.0".</param>
public sealed record SetOutput(bool On, string? Reason);

/// <summary>Confirms a <see cref="SetOutput"/> with the value the driver actually wrote.</summary>
public sealed record OutputSet(string DeviceId, bool ActualValue);
