namespace IotActors.Devices.Gpio;

/// <summary>How to request an output line.</summary>
/// <param name="ActiveLow">True when the load is on while the pin is low (many relay boards).</param>
/// <param name="InitialValue">Logical value driven as soon as the line is requested.</param>
public sealed record GpioOutputOptions(bool ActiveLow = false, bool InitialValue = false);
