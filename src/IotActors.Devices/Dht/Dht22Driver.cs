using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Dht;

/// <summary>DHT22 / AM2302 through the kernel IIO driver (<c>dtoverlay=dht11,gpiopin=4</c>): rate-limited, backed off on failures, spike-filtered.</summary>
/// <remarks>
/// Not thread-safe. Never touches the sensor more often than every 2 s; after a failure the next attempt waits
/// period * 2^(failures-1), capped at <see cref="Dht22Options.MaxBackoff"/>. Calls made too early return
/// <see cref="SensorReadStatus.NotReady"/> with the time left.
/// </remarks>
public sealed class Dht22Driver : ISensorDriver
{
    private readonly Dht22Options _options;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _readText;
    private readonly PlausibilityFilter _filter;
    private readonly TimeSpan _maxBackoff;
    private DateTimeOffset? _lastAttempt;
    private TimeSpan _wait;

    /// <summary>Creates the driver; nothing is read until the first <see cref="Read"/>.</summary>
    public Dht22Driver(string deviceId, Dht22Options? options = null, TimeProvider? time = null)
        : this(deviceId, options ?? new Dht22Options(), time ?? TimeProvider.System, File.ReadAllText)
    {
    }

    internal Dht22Driver(string deviceId, Dht22Options options, TimeProvider time, Func<string, string> readText)
    {
        DeviceId = deviceId;
        _options = options;
        _time = time;
        _readText = readText;
        _filter = new PlausibilityFilter(options.Limits ?? new PlausibilityLimits());
        var period = options.Period ?? TimeSpan.FromSeconds(5);
        MinPeriod = period < Dht22Options.MinimumInterval ? Dht22Options.MinimumInterval : period;
        _maxBackoff = options.MaxBackoff ?? TimeSpan.FromMinutes(1);
        _wait = Dht22Options.MinimumInterval;
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind => Configuration.DeviceKinds.Dht22;

    /// <inheritdoc />
    public TimeSpan MinPeriod { get; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <summary>Readings rejected by the plausibility filter.</summary>
    public long Rejected { get; private set; }

    /// <inheritdoc />
    public SensorReadResult Read()
    {
        var now = _time.GetUtcNow();
        if (_lastAttempt is { } last && now - last < _wait)
        {
            return SensorReadResult.NotReady(now, _wait - (now - last), "DHT22 may not be read more often than every 2 s (or is backing off after failures)");
        }

        _lastAttempt = now;
        var result = Attempt(now);
        if (result.IsOk)
        {
            Health.RecordSuccess(now);
            _wait = Dht22Options.MinimumInterval;
        }
        else
        {
            Health.RecordError(now, result.Reason!);
            var factor = Math.Pow(2, Math.Min(Health.ConsecutiveErrors - 1, 16));
            var backoff = TimeSpan.FromTicks((long)Math.Min(_maxBackoff.Ticks, MinPeriod.Ticks * factor));
            _wait = backoff < Dht22Options.MinimumInterval ? Dht22Options.MinimumInterval : backoff;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private SensorReadResult Attempt(DateTimeOffset now)
    {
        var dir = FindDevice();
        if (dir is null)
        {
            return SensorReadResult.Fault(now, $"no IIO device named 'dht11' under {_options.IioRoot}: add 'dtoverlay=dht11,gpiopin=4' to /boot/firmware/config.txt and reboot, or set iio-root/iio-device", transient: false);
        }

        string tempText, humText;
        try
        {
            tempText = _readText(Path.Combine(dir, "in_temp_input"));
            humText = _readText(Path.Combine(dir, "in_humidityrelative_input"));
        }
        catch (FileNotFoundException ex)
        {
            return SensorReadResult.Fault(now, $"DHT22 IIO file missing: {ex.Message}", transient: false);
        }
        catch (IOException ex)
        {
            // EIO and ETIMEDOUT from the kernel driver are routine on a DHT22: the next attempt usually succeeds.
            return SensorReadResult.Fault(now, $"DHT22 read failed (kernel driver returned an error, usually EIO or ETIMEDOUT): {ex.Message}", transient: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            return SensorReadResult.Fault(now, $"no permission to read the DHT22 IIO files: {ex.Message}", transient: false);
        }

        if (Dht22Decoder.DecodeIio(tempText, humText, out var error) is not { } reading)
        {
            return SensorReadResult.Fault(now, error!, transient: true);
        }

        if (_filter.Check(reading) is { } rejection)
        {
            Rejected++;
            return SensorReadResult.Fault(now, "implausible DHT22 reading rejected: " + rejection, transient: true);
        }

        return SensorReadResult.Ok(
            now,
            new MetricValue("temperature", reading.TemperatureC, "C"),
            new MetricValue("humidity", reading.HumidityPercent, "%RH"));
    }

    private string? FindDevice()
    {
        if (_options.IioDevice is { } named)
        {
            var path = Path.Combine(_options.IioRoot, named);
            return Directory.Exists(path) ? path : null;
        }

        if (!Directory.Exists(_options.IioRoot))
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories(_options.IioRoot).Order(StringComparer.Ordinal))
        {
            var nameFile = Path.Combine(dir, "name");
            try
            {
                if (File.Exists(nameFile) && _readText(nameFile).Trim() == "dht11")
                {
                    return dir;
                }
            }
            catch (IOException)
            {
                // An unreadable device is not ours; keep scanning.
            }
        }

        return null;
    }
}
