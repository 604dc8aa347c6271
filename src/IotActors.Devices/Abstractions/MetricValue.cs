namespace IotActors.Devices.Abstractions;

/// <summary>One measured quantity of a reading, e.g. ("temperature", 22.5, "C").</summary>
public sealed record MetricValue(string Name, double Value, string Unit);
