namespace IotActors.Home.Model;

/// <summary>A persisted change of an actuator's state: <see cref="Activated"/> or <see cref="Deactivated"/>.</summary>
public abstract record ActuatorEvent(string Reason, Reading? Trigger, DateTimeOffset At);
