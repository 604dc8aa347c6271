namespace IotActors.Home.Actuators;

/// <summary>An actuator's persistent state: its status, how many transitions it has made, and why it is in it.</summary>
/// <param name="DeviceId">The actuator's device id.</param>
/// <param name="Status">Idle or active.</param>
/// <param name="Version">Number of transitions applied so far (the version published in StateChanged).</param>
/// <param name="Reason">Reason of the last transition; empty initially.</param>
/// <param name="Since">When the last transition happened; null initially.</param>
public sealed record ActuatorState(string DeviceId, ActuatorStatus Status, long Version, string Reason, DateTimeOffset? Since)
{
    /// <summary>The state of a new actuator: idle, version 0.</summary>
    public static ActuatorState Initial(string deviceId) => new(deviceId, ActuatorStatus.Idle, 0, "", null);

    /// <summary>True when active.</summary>
    public bool IsActive => Status == ActuatorStatus.Active;
}
