namespace IotActors.Home.Site;

/// <summary>How a desired-state command to a device ended.</summary>
public enum CommandStatus
{
    /// <summary>The actuator took the command (applying the same state twice is still accepted).</summary>
    Accepted,

    /// <summary>No device has this id.</summary>
    UnknownDevice,

    /// <summary>The device exists but has no idle/active state to command.</summary>
    NotAnActuator,

    /// <summary>The actuator refused; the outcome's detail says why.</summary>
    Rejected,
}
