namespace IotActors.Devices.Gpio;

/// <summary>An edge seen on an input line; <paramref name="Rising"/> is true for inactive-to-active.</summary>
/// <param name="Offset">Line offset on its chip.</param>
/// <param name="Rising">True for a rising (inactive to active) edge, false for falling.</param>
/// <param name="TimestampNs">Kernel CLOCK_MONOTONIC time of the edge, in nanoseconds.</param>
/// <param name="Sequence">Sequence number of the event on this line.</param>
public sealed record GpioEdgeEvent(uint Offset, bool Rising, ulong TimestampNs, uint Sequence);
