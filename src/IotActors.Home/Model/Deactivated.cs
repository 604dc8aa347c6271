namespace IotActors.Home.Model;

/// <summary>The actuator went from active to idle.</summary>
public sealed record Deactivated(string Reason, Reading? Trigger, DateTimeOffset At) : ActuatorEvent(Reason, Trigger, At);
