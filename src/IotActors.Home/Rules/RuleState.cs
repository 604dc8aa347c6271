using System.Collections.Immutable;

namespace IotActors.Home.Rules;

/// <summary>The evaluator's memory for one rule: each sensor's latest value, the current desired state and the streak counters.</summary>
/// <param name="Latest">Latest reading per sensor id, ordered by id so aggregation is deterministic.</param>
/// <param name="Desired">The desired state last decided; null before the first decision.</param>
/// <param name="AboveCount">Consecutive evaluated samples whose aggregate was above the on threshold.</param>
/// <param name="BelowCount">Consecutive evaluated samples whose aggregate was below the off threshold.</param>
/// <param name="LastSwitchAt">When the desired state last changed; null before the first decision.</param>
public sealed record RuleState(
    ImmutableSortedDictionary<string, SensorLatest> Latest,
    bool? Desired,
    int AboveCount,
    int BelowCount,
    DateTimeOffset? LastSwitchAt)
{
    /// <summary>The state before any reading.</summary>
    public static RuleState Initial { get; } = new(ImmutableSortedDictionary.Create<string, SensorLatest>(StringComparer.Ordinal), null, 0, 0, null);

    /// <summary>A fresh state that already knows the actuator's current state (e.g. after a controller restart).</summary>
    public static RuleState Knowing(bool actuatorActive, DateTimeOffset? since) => Initial with { Desired = actuatorActive, LastSwitchAt = since };
}
