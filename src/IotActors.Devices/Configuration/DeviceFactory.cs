using IotActors.Devices.Abstractions;
using IotActors.Devices.Actuators;
using IotActors.Devices.Dht;
using IotActors.Devices.Gpio;
using IotActors.Devices.Gpio.Linux;
using IotActors.Devices.OneWire;
using IotActors.Devices.Replay;
using IotActors.Devices.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Devices.Configuration;

/// <summary>Creates drivers from validated <see cref="DeviceSpec"/>s; owns the GPIO chips it opened and closes them on dispose.</summary>
/// <remarks>Not thread-safe: create devices from one thread at start-up.</remarks>
public sealed class DeviceFactory : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly Func<string, string, IGpioChip> _openChip;
    private readonly string _baseDirectory;
    private readonly Dictionary<string, IGpioChip> _chips = new(StringComparer.Ordinal);

    /// <summary>Creates a factory.</summary>
    /// <param name="time">Clock for all drivers; the system clock when null.</param>
    /// <param name="loggers">Logger factory; no logging when null.</param>
    /// <param name="openChip">Opens a chip from (chip, dev-root); <see cref="LinuxGpioChip.Open"/> when null. Pass one returning a <see cref="FakeGpioChip"/> to run GPIO devices without hardware.</param>
    /// <param name="baseDirectory">Directory that relative dataset paths are resolved against; the current directory when null.</param>
    public DeviceFactory(TimeProvider? time = null, ILoggerFactory? loggers = null, Func<string, string, IGpioChip>? openChip = null, string? baseDirectory = null)
    {
        _time = time ?? TimeProvider.System;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _openChip = openChip ?? ((chip, root) => LinuxGpioChip.Open(chip, root));
        _baseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Creates the sensor driver of a sensor spec.</summary>
    /// <exception cref="ArgumentException">The spec is an actuator kind.</exception>
    /// <exception cref="GpioException">A GPIO line cannot be requested.</exception>
    /// <exception cref="DatasetException">A dataset file cannot be loaded.</exception>
    public ISensorDriver CreateSensor(DeviceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind.StartsWith(DeviceKinds.SimulatedPrefix, StringComparison.Ordinal))
        {
            var sim = SimulatedSensorDriver.Create(spec.Id, spec.Kind[DeviceKinds.SimulatedPrefix.Length..], spec.Int("seed", StableSeed(spec.Id)), spec.Period, _time);
            if (spec.GetOrNull("target") is not null)
            {
                sim.SetTarget(spec.Double("target", 0));
            }

            return sim;
        }

        return spec.Kind switch
        {
            DeviceKinds.Dht22 or DeviceKinds.Am2302 => new Dht22Driver(spec.Id, DhtOptions(spec), _time),
            DeviceKinds.Ds18b20 => new Ds18b20Driver(spec.Id, spec.GetOrNull("sensor-id"), spec.Get("w1-root", "/sys/bus/w1/devices"), spec.Period, _time),
            DeviceKinds.GpioIn => new GpioInputDriver(spec.Id, Chip(spec), spec.Get("line", string.Empty), InputOptions(spec), spec.Get("metric", "motion"), spec.Period, _time),
            DeviceKinds.Dataset => Replay(spec),
            _ => throw new ArgumentException($"devices[{spec.Index}] (id '{spec.Id}'): kind '{spec.Kind}' is an actuator, not a sensor.", nameof(spec)),
        };
    }

    /// <summary>Creates the actuator driver of an actuator spec.</summary>
    /// <exception cref="ArgumentException">The spec is a sensor kind.</exception>
    /// <exception cref="GpioException">A GPIO line cannot be requested.</exception>
    public IActuatorDriver CreateActuator(DeviceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var initial = spec.Bool("initial", false);
        var logger = _loggers.CreateLogger("IotActors.Devices.Virtual");
        return spec.Kind switch
        {
            DeviceKinds.GpioOut => new GpioOutputDriver(spec.Id, Chip(spec), spec.Get("line", string.Empty), new GpioOutputOptions(spec.Bool("active-low", false), initial), _time),
            DeviceKinds.VirtualFan => new VirtualActuatorDriver(spec.Id, spec.Kind, "Fan", initial, logger, _time),
            DeviceKinds.VirtualLight => new VirtualActuatorDriver(spec.Id, spec.Kind, "Light", initial, logger, _time),
            DeviceKinds.VirtualRelay => new VirtualActuatorDriver(spec.Id, spec.Kind, "Relay", initial, logger, _time),
            _ => throw new ArgumentException($"devices[{spec.Index}] (id '{spec.Id}'): kind '{spec.Kind}' is a sensor, not an actuator.", nameof(spec)),
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var chip in _chips.Values)
        {
            chip.Dispose();
        }

        _chips.Clear();
    }

    private static int StableSeed(string id)
    {
        // FNV-1a: string.GetHashCode is randomised per process, a seed must not be.
        var hash = 2166136261u;
        foreach (var ch in id)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static Dht22Options DhtOptions(DeviceSpec spec)
    {
        var d = new PlausibilityLimits();
        var limits = new PlausibilityLimits(
            spec.Double("min-temp", d.MinTemperatureC),
            spec.Double("max-temp", d.MaxTemperatureC),
            spec.Double("min-humidity", d.MinHumidity),
            spec.Double("max-humidity", d.MaxHumidity),
            spec.Double("max-temp-step", d.MaxTemperatureStep),
            spec.Double("max-humidity-step", d.MaxHumidityStep));
        return new Dht22Options(spec.Get("iio-root", "/sys/bus/iio/devices"), spec.GetOrNull("iio-device"), spec.Period, spec.Duration("max-backoff", TimeSpan.FromMinutes(1)), limits);
    }

    private static GpioInputOptions InputOptions(DeviceSpec spec) => new(
        spec.Bool("active-low", false),
        spec.Get("bias", "as-is").ToLowerInvariant() switch
        {
            "pull-up" => GpioBias.PullUp,
            "pull-down" => GpioBias.PullDown,
            "disabled" => GpioBias.Disabled,
            _ => GpioBias.AsIs,
        },
        spec.Get("edge", "both").ToLowerInvariant() switch
        {
            "none" => GpioEdge.None,
            "rising" => GpioEdge.Rising,
            "falling" => GpioEdge.Falling,
            _ => GpioEdge.Both,
        },
        spec.Duration("debounce", TimeSpan.Zero));

    private IGpioChip Chip(DeviceSpec spec)
    {
        var name = spec.Get("chip", "gpiochip0");
        var root = spec.Get("dev-root", "/dev");
        var key = root + "|" + name;
        if (!_chips.TryGetValue(key, out var chip))
        {
            chip = _openChip(name, root);
            _chips[key] = chip;
        }

        return chip;
    }

    private DatasetReplayDriver Replay(DeviceSpec spec)
    {
        var file = Path.GetFullPath(spec.Get("file", string.Empty), _baseDirectory);
        var metrics = spec.GetOrNull("columns") is { } columns ? DatasetColumnMapping.ParseMetrics(columns) : null;
        var mapping = new DatasetColumnMapping(spec.Get("timestamp-column", "timestamp"), metrics);
        var logger = _loggers.CreateLogger("IotActors.Devices.Dataset");
        var format = spec.Get("format", "auto").ToLowerInvariant();
        var dataset = format == "auto"
            ? DatasetLoader.Load(file, mapping, logger)
            : DatasetLoader.Parse(ReadAll(file), format == "json", file, mapping, logger);
        TimeSpan? interval = spec.GetOrNull("interval") is not null ? spec.Duration("interval", TimeSpan.FromSeconds(1)) : null;
        return new DatasetReplayDriver(spec.Id, dataset, new ReplayOptions(spec.Double("speed", 1.0), interval, spec.Bool("loop", false)), _time);
    }

    private static string ReadAll(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Cannot read dataset '{file}': {ex.Message}", ex);
        }
    }
}
