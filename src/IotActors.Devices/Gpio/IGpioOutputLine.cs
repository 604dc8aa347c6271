namespace IotActors.Devices.Gpio;

/// <summary>A requested output line; values are logical (active-low already applied).</summary>
public interface IGpioOutputLine : IDisposable
{
    /// <summary>Line offset on its chip.</summary>
    uint Offset { get; }

    /// <summary>Drives the line to the logical value.</summary>
    void Write(bool value);

    /// <summary>Reads back the logical value the line currently has.</summary>
    bool Read();
}
