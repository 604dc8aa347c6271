using IotActors.Devices.Abstractions;

namespace IotActors.Devices.OneWire;

/// <summary>DS18B20 1-Wire thermometer through the kernel w1 sysfs (<c>/sys/bus/w1/devices/28-*</c>).</summary>
/// <remarks>Not thread-safe. Prefers the <c>temperature</c> file and falls back to <c>w1_slave</c> (with its CRC line).</remarks>
public sealed class Ds18b20Driver : ISensorDriver
{
    private readonly string _root;
    private readonly string? _sensorId;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _readText;

    /// <summary>Creates the driver for sensor <paramref name="sensorId"/> (e.g. "28-0316a2799aff"), or the first 28-* sensor when null.</summary>
    public Ds18b20Driver(string deviceId, string? sensorId = null, string w1Root = "/sys/bus/w1/devices", TimeSpan? period = null, TimeProvider? time = null)
        : this(deviceId, sensorId, w1Root, period, time ?? TimeProvider.System, File.ReadAllText)
    {
    }

    internal Ds18b20Driver(string deviceId, string? sensorId, string w1Root, TimeSpan? period, TimeProvider time, Func<string, string> readText)
    {
        DeviceId = deviceId;
        _sensorId = sensorId;
        _root = w1Root;
        _time = time;
        _readText = readText;
        MinPeriod = period is { } p && p > TimeSpan.FromSeconds(1) ? p : TimeSpan.FromSeconds(1);
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind => Configuration.DeviceKinds.Ds18b20;

    /// <inheritdoc />
    public TimeSpan MinPeriod { get; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <inheritdoc />
    public SensorReadResult Read()
    {
        var now = _time.GetUtcNow();
        var result = Attempt(now);
        if (result.IsOk)
        {
            Health.RecordSuccess(now);
        }
        else
        {
            Health.RecordError(now, result.Reason!);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private SensorReadResult Attempt(DateTimeOffset now)
    {
        var dir = FindSensor();
        if (dir is null)
        {
            var which = _sensorId ?? "28-*";
            return SensorReadResult.Fault(now, $"no DS18B20 '{which}' under {_root}: add 'dtoverlay=w1-gpio' (default GPIO4) to config.txt, check the 4.7k pull-up, and fix sensor-id", transient: false);
        }

        try
        {
            var temperatureFile = Path.Combine(dir, "temperature");
            double? value;
            string? error;
            if (File.Exists(temperatureFile))
            {
                value = Ds18b20Decoder.DecodeTemperatureFile(_readText(temperatureFile), out error);
            }
            else
            {
                value = Ds18b20Decoder.DecodeW1Slave(_readText(Path.Combine(dir, "w1_slave")), out error);
            }

            return value is { } c
                ? SensorReadResult.Ok(now, new MetricValue("temperature", c, "C"))
                : SensorReadResult.Fault(now, $"DS18B20 {Path.GetFileName(dir)}: {error}", transient: true);
        }
        catch (IOException ex)
        {
            return SensorReadResult.Fault(now, $"DS18B20 {Path.GetFileName(dir)} read failed: {ex.Message}", transient: true);
        }
    }

    private string? FindSensor()
    {
        if (_sensorId is not null)
        {
            var path = Path.Combine(_root, _sensorId);
            return Directory.Exists(path) ? path : null;
        }

        return Directory.Exists(_root)
            ? Directory.EnumerateDirectories(_root, "28-*").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }
}
