namespace IotActors.Home.Actuators;

/// <summary>Decides the first output written to the hardware after an actuator restarts.</summary>
public static class ActuatorRecovery
{
    /// <summary>The recovered state when recovery succeeded; otherwise the fail-safe state (idle for hold, since the last state is unknown).</summary>
    /// <param name="recovered">The state rebuilt from snapshot + events, or null when recovery failed.</param>
    /// <param name="failSafe">The configured fail-safe mode.</param>
    public static HardwareOutput FirstOutput(ActuatorState? recovered, FailSafeMode failSafe)
    {
        if (recovered is not null)
        {
            return new HardwareOutput(recovered.IsActive, $"re-applying recovered state {recovered.Status} (version {recovered.Version})");
        }

        bool active = failSafe == FailSafeMode.Active;
        return new HardwareOutput(active, $"recovery failed: applying fail-safe state {(active ? "active" : "idle")}");
    }
}
