namespace IotActors.Devices.Gpio;

/// <summary>How to request an input line.</summary>
/// <param name="ActiveLow">True when the active state is a low pin (button to ground with pull-up).</param>
/// <param name="Bias">Internal pull resistor.</param>
/// <param name="Edge">Edges that raise events.</param>
/// <param name="Debounce">Kernel debounce period; zero for none.</param>
public sealed record GpioInputOptions(
    bool ActiveLow = false,
    GpioBias Bias = GpioBias.AsIs,
    GpioEdge Edge = GpioEdge.Both,
    TimeSpan Debounce = default);
