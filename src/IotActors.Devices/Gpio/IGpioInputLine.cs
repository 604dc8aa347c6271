namespace IotActors.Devices.Gpio;

/// <summary>A requested input line; values are logical (active-low already applied).</summary>
public interface IGpioInputLine : IDisposable
{
    /// <summary>Line offset on its chip.</summary>
    uint Offset { get; }

    /// <summary>Reads the current logical value.</summary>
    bool Read();

    /// <summary>Waits up to <paramref name="timeout"/> for the next edge; returns null on timeout.</summary>
    /// <remarks>Blocks the calling thread; meant for a device actor's dedicated thread.</remarks>
    GpioEdgeEvent? WaitForEdge(TimeSpan timeout);
}
