using IotActors.Home.Model;

namespace IotActors.Home.Rules;

/// <summary>A rule's new desired state for its actuator; emitted only when the desired state changes.</summary>
/// <param name="RuleId">The rule that decided.</param>
/// <param name="ActuatorId">The actuator to command.</param>
/// <param name="DesiredActive">The desired state.</param>
/// <param name="AggregateValue">The aggregate that crossed the threshold.</param>
/// <param name="Reason">Human-readable reason, identical on every controller fed the same readings.</param>
/// <param name="Trigger">The reading that completed the condition.</param>
/// <param name="At">The evaluation time.</param>
public sealed record RuleDecision(string RuleId, string ActuatorId, bool DesiredActive, double AggregateValue, string Reason, Reading Trigger, DateTimeOffset At)
{
    /// <summary>The desired-state command for the actuator.</summary>
    public SetActive ToCommand() => new(ActuatorId, DesiredActive, Reason, $"rule:{RuleId}", Trigger);
}
