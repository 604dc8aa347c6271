using IotActors.Home.Actuators;
using IotActors.Home.Rules;

namespace IotActors.Home.Configuration;

/// <summary>Settings of the home layer (<c>iotactors.home</c>).</summary>
/// <param name="Rules">The controller rules.</param>
/// <param name="SensorStaleAfter">Silence after which a sensor is stale (and left out of rule aggregates by default).</param>
/// <param name="SensorOfflineAfter">Silence after which a sensor is offline.</param>
/// <param name="SensorMinInterval">Shortest accepted time between two samples of one sensor and metric.</param>
/// <param name="HistoryRetention">How long readings stay in history.db.</param>
/// <param name="HistoryMaxQueue">Readings that may wait for the history writer before new ones are dropped.</param>
/// <param name="ActuatorFailSafe">Default fail-safe state of actuators when their sensor data goes stale.</param>
/// <param name="ActuatorSnapshotEvery">An actuator saves a snapshot after this many events.</param>
public sealed record HomeOptions(
    RuleSet Rules,
    TimeSpan SensorStaleAfter,
    TimeSpan SensorOfflineAfter,
    TimeSpan SensorMinInterval,
    TimeSpan HistoryRetention,
    int HistoryMaxQueue,
    FailSafeMode ActuatorFailSafe,
    int ActuatorSnapshotEvery)
{
    /// <summary>The defaults of reference.conf.</summary>
    public static HomeOptions Default { get; } = new(
        RuleSet.Empty, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromDays(7), 10_000, FailSafeMode.Hold, 100);
}
