using IotActors.Devices.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Devices.Actuators;

/// <summary>An actuator without hardware (fan, light, relay) that keeps its state and logs "Fan ON"/"Fan OFF".</summary>
/// <remarks>Not thread-safe: used by one device actor's thread.</remarks>
public sealed partial class VirtualActuatorDriver : IActuatorDriver
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a virtual actuator; <paramref name="label"/> is the word logged ("Fan", "Light", "Relay").</summary>
    public VirtualActuatorDriver(string deviceId, string kind, string label, bool initial = false, ILogger? logger = null, TimeProvider? time = null)
    {
        DeviceId = deviceId;
        Kind = kind;
        Label = label;
        Current = initial;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind { get; }

    /// <summary>The word used in log lines, e.g. "Fan".</summary>
    public string Label { get; }

    /// <inheritdoc />
    public bool Current { get; private set; }

    /// <summary>Number of state changes so far.</summary>
    public int Switches { get; private set; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <inheritdoc />
    public bool Write(bool on)
    {
        if (on != Current)
        {
            Switches++;
        }

        Current = on;
        Health.RecordSuccess(_time.GetUtcNow());
        LogSwitched(_logger, Label, on ? "ON" : "OFF", DeviceId);
        return Current;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "{Label} {State} ({DeviceId})")]
    private static partial void LogSwitched(ILogger logger, string label, string state, string deviceId);
}
