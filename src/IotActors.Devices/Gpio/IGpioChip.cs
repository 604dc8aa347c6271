namespace IotActors.Devices.Gpio;

/// <summary>A GPIO chip: the seam between drivers and the kernel (or <see cref="FakeGpioChip"/> in simulations and tests).</summary>
public interface IGpioChip : IDisposable
{
    /// <summary>The chip name, e.g. "gpiochip0".</summary>
    string Name { get; }

    /// <summary>Number of lines on the chip.</summary>
    int LineCount { get; }

    /// <summary>Returns what the chip reports about a line.</summary>
    /// <exception cref="GpioException">The offset is out of range.</exception>
    GpioLineInfo GetLineInfo(uint offset);

    /// <summary>Finds a line by its name (e.g. "GPIO17"); returns false when no line has that name.</summary>
    bool TryFindLine(string name, out uint offset);

    /// <summary>Requests a line as output; the line is released when the returned object is disposed.</summary>
    /// <exception cref="GpioException">No such line, line busy, or permission denied.</exception>
    IGpioOutputLine OpenOutput(uint offset, GpioOutputOptions options);

    /// <summary>Requests a line as input with optional edge events; released on dispose.</summary>
    /// <exception cref="GpioException">No such line, line busy, or permission denied.</exception>
    IGpioInputLine OpenInput(uint offset, GpioInputOptions options);
}
