using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Gpio;

/// <summary>An on/off actuator (fan, relay, LED) on one GPIO output line; releases the line on dispose.</summary>
/// <remarks>Not thread-safe: used by one device actor's thread.</remarks>
public sealed class GpioOutputDriver : IActuatorDriver
{
    private readonly IGpioOutputLine _line;
    private readonly TimeProvider _time;

    /// <summary>Requests <paramref name="line"/> (offset or name) on <paramref name="chip"/> as an output.</summary>
    /// <exception cref="GpioException">No such line, line busy, or permission denied.</exception>
    public GpioOutputDriver(string deviceId, IGpioChip chip, string line, GpioOutputOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(chip);
        DeviceId = deviceId;
        _time = time ?? TimeProvider.System;
        _line = chip.OpenOutput(GpioLineLocator.Resolve(chip, line), options);
        Current = options.InitialValue;
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind => Configuration.DeviceKinds.GpioOut;

    /// <inheritdoc />
    public bool Current { get; private set; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <inheritdoc />
    public bool Write(bool on)
    {
        try
        {
            _line.Write(on);
            Current = _line.Read();
            Health.RecordSuccess(_time.GetUtcNow());
            return Current;
        }
        catch (GpioException ex)
        {
            Health.RecordError(_time.GetUtcNow(), ex.Message);
            throw new DeviceIoException($"Device '{DeviceId}': writing GPIO line {_line.Offset} failed: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _line.Dispose();
}
