namespace IotActors.Home.Actuators;

/// <summary>What an actuator does when the sensor data that controls it goes stale.</summary>
public enum FailSafeMode
{
    /// <summary>Keep the current state.</summary>
    Hold,

    /// <summary>Switch to idle (e.g. a heater).</summary>
    Idle,

    /// <summary>Switch to active (e.g. a ventilation fan).</summary>
    Active,
}
