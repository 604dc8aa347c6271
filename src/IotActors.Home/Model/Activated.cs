namespace IotActors.Home.Model;

/// <summary>The actuator went from idle to active.</summary>
public sealed record Activated(string Reason, Reading? Trigger, DateTimeOffset At) : ActuatorEvent(Reason, Trigger, At);
