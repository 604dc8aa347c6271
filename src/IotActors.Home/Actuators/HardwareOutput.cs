namespace IotActors.Home.Actuators;

/// <summary>The level to write to an actuator's hardware, and why.</summary>
public sealed record HardwareOutput(bool Active, string Reason);
