using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>A simulated sensor with a realistic, seeded model; deterministic for a given seed and sequence of read times.</summary>
/// <remarks>Not thread-safe, except <see cref="SetTarget"/> and <see cref="ClearTarget"/>, which tests and demos may call from any thread.</remarks>
public sealed class SimulatedSensorDriver : ISensorDriver
{
    /// <summary>The model names accepted by <see cref="Create"/> (kind is "simulated-" + model).</summary>
    public static readonly IReadOnlyList<string> Models =
        ["temperature", "humidity", "motion", "co2", "pm25", "power", "heart-rate", "spo2", "body-temperature", "vibration", "motor-speed"];

    private readonly SimulationModel _model;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double? _target;

    private SimulatedSensorDriver(string deviceId, string model, SimulationModel impl, TimeSpan period, TimeProvider time)
    {
        DeviceId = deviceId;
        Model = model;
        _model = impl;
        MinPeriod = period;
        _time = time;
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind => Configuration.DeviceKinds.SimulatedPrefix + Model;

    /// <summary>The model name, e.g. "temperature".</summary>
    public string Model { get; }

    /// <summary>The metric overridden by <see cref="SetTarget"/>, e.g. "temperature".</summary>
    public string PrimaryMetric => _model.PrimaryMetric;

    /// <inheritdoc />
    public TimeSpan MinPeriod { get; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <summary>Creates a simulated sensor of one of <see cref="Models"/>, with local time taken from <paramref name="time"/>'s time zone.</summary>
    /// <exception cref="ArgumentException">The model name is unknown.</exception>
    public static SimulatedSensorDriver Create(string deviceId, string model, int seed, TimeSpan? period = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var zone = time.LocalTimeZone;
        SimulationModel impl = model switch
        {
            "temperature" or "humidity" => new ClimateModel(seed, zone, model),
            "motion" => new MotionModel(seed, zone),
            "co2" or "pm25" => new AirQualityModel(seed, zone, model),
            "power" => new PowerModel(seed, zone),
            "heart-rate" or "spo2" or "body-temperature" => new VitalsModel(seed, zone, model),
            "vibration" or "motor-speed" => new MachineModel(seed, zone, model),
            _ => throw new ArgumentException($"Unknown simulation model '{model}'; allowed: {string.Join(", ", Models)}.", nameof(model)),
        };
        return new SimulatedSensorDriver(deviceId, model, impl, period ?? TimeSpan.FromSeconds(5), time);
    }

    /// <summary>Forces the primary metric to <paramref name="value"/> on every read until <see cref="ClearTarget"/> (for tests and demos).</summary>
    public void SetTarget(double value)
    {
        lock (_gate)
        {
            _target = value;
        }
    }

    /// <summary>Returns the primary metric to the model's own values.</summary>
    public void ClearTarget()
    {
        lock (_gate)
        {
            _target = null;
        }
    }

    /// <inheritdoc />
    public SensorReadResult Read()
    {
        var now = _time.GetUtcNow();
        var values = _model.Sample(now);
        double? target;
        lock (_gate)
        {
            target = _target;
        }

        if (target is { } forced)
        {
            values = [.. values.Select(v => v.Name == _model.PrimaryMetric ? v with { Value = forced } : v)];
        }

        Health.RecordSuccess(now);
        return SensorReadResult.Ok(now, values);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
