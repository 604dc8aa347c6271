using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Gpio;

/// <summary>A binary input (button, PIR motion sensor) on one GPIO line with edge events; releases the line on dispose.</summary>
/// <remarks>Not thread-safe: used by one device actor's thread. Reports metric <c>Metric</c> (1 active, 0 inactive) and <c>Metric-edges</c> since the last read.</remarks>
public sealed class GpioInputDriver : ISensorDriver
{
    private readonly IGpioInputLine _line;
    private readonly TimeProvider _time;
    private readonly bool _edges;

    /// <summary>Requests <paramref name="line"/> (offset or name) on <paramref name="chip"/> as an input.</summary>
    /// <exception cref="GpioException">No such line, line busy, or permission denied.</exception>
    public GpioInputDriver(string deviceId, IGpioChip chip, string line, GpioInputOptions options, string metric = "motion", TimeSpan? minPeriod = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(chip);
        DeviceId = deviceId;
        Metric = metric;
        MinPeriod = minPeriod ?? TimeSpan.FromMilliseconds(100);
        _time = time ?? TimeProvider.System;
        _edges = options.Edge != GpioEdge.None;
        _line = chip.OpenInput(GpioLineLocator.Resolve(chip, line), options);
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind => Configuration.DeviceKinds.GpioIn;

    /// <summary>The metric name reported, e.g. "motion" or "button".</summary>
    public string Metric { get; }

    /// <inheritdoc />
    public TimeSpan MinPeriod { get; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <inheritdoc />
    public SensorReadResult Read()
    {
        var now = _time.GetUtcNow();
        try
        {
            var edges = 0;
            while (_edges && _line.WaitForEdge(TimeSpan.Zero) is not null)
            {
                edges++;
            }

            var level = _line.Read();
            Health.RecordSuccess(now);
            return SensorReadResult.Ok(now, new MetricValue(Metric, level ? 1 : 0, "bool"), new MetricValue(Metric + "-edges", edges, "count"));
        }
        catch (GpioException ex)
        {
            Health.RecordError(now, ex.Message);
            return SensorReadResult.Fault(now, ex.Message, transient: ex.Kind == GpioErrorKind.IoError);
        }
    }

    /// <summary>Blocks up to <paramref name="timeout"/> for an edge and returns it, or null on timeout.</summary>
    public GpioEdgeEvent? WaitForEdge(TimeSpan timeout) => _line.WaitForEdge(timeout);

    /// <inheritdoc />
    public void Dispose() => _line.Dispose();
}
