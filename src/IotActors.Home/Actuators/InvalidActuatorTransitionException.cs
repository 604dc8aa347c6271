namespace IotActors.Home.Actuators;

/// <summary>An event was applied to an actuator state that does not allow it (a corrupt or mixed-up journal).</summary>
public sealed class InvalidActuatorTransitionException : Exception
{
    /// <summary>Creates the exception for a device, its status and the event that does not fit.</summary>
    public InvalidActuatorTransitionException(string deviceId, ActuatorStatus status, string eventName)
        : base($"Actuator '{deviceId}' is {status} and cannot apply {eventName}; its journal holds events out of order or from another device.")
    {
    }
}
