namespace IotActors.Devices.Gpio;

/// <summary>What the kernel reports about one line: name, current consumer and flags.</summary>
public sealed record GpioLineInfo(string Chip, uint Offset, string Name, string Consumer, bool Used, bool IsOutput, bool ActiveLow);
