using IotActors.Home.Model;

namespace IotActors.Home.Actuators;

/// <summary>Pure fail-safe decisions for an actuator whose controlling sensor data may be stale.</summary>
/// <param name="Mode">The configured fail-safe state.</param>
/// <param name="StaleAfter">Sensor data older than this counts as stale; must be positive.</param>
public sealed record FailSafePolicy(FailSafeMode Mode, TimeSpan StaleAfter)
{
    /// <summary>The reason string carried by fail-safe commands.</summary>
    public const string Reason = "fail-safe: controlling sensor data is stale";

    /// <summary>True when the last controlling reading (null: none yet) is older than <see cref="StaleAfter"/> at <paramref name="now"/>.</summary>
    public bool IsStale(DateTimeOffset? lastReadingAt, DateTimeOffset now) => lastReadingAt is not { } last || now - last > StaleAfter;

    /// <summary>The command to apply now, or null when data is fresh, the mode is hold, or the actuator is already in the fail-safe state.</summary>
    /// <param name="state">The actuator's current state.</param>
    /// <param name="lastReadingAt">Source time of the newest controlling reading, or null when none has arrived since <paramref name="watchingSince"/>.</param>
    /// <param name="watchingSince">When the actuator started waiting for data (start or recovery); gives fresh starts a grace period of <see cref="StaleAfter"/>.</param>
    /// <param name="now">The current time.</param>
    public SetActive? Decide(ActuatorState state, DateTimeOffset? lastReadingAt, DateTimeOffset watchingSince, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reference = lastReadingAt is { } last && last > watchingSince ? last : watchingSince;
        if (Mode == FailSafeMode.Hold || now - reference <= StaleAfter)
        {
            return null;
        }

        bool desired = Mode == FailSafeMode.Active;
        return state.IsActive == desired ? null : new SetActive(state.DeviceId, desired, Reason, "fail-safe");
    }
}
