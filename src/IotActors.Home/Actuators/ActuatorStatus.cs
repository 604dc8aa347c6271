namespace IotActors.Home.Actuators;

/// <summary>An actuator's state.</summary>
public enum ActuatorStatus
{
    /// <summary>Output off (fan stopped, relay open).</summary>
    Idle,

    /// <summary>Output on (fan running, relay closed).</summary>
    Active,
}
