using IotActors.Home.Rules;

namespace IotActors.Home.Site;

/// <summary>Changes to the site: desired-state commands to actuators and rule edits.</summary>
/// <remarks>Implementations do not write the audit trail; the caller (the REST API) audits every call with its outcome.</remarks>
public interface ISiteCommands
{
    /// <summary>Asks actuator <paramref name="deviceId"/> to become active or idle on behalf of <paramref name="who"/>.</summary>
    Task<CommandOutcome> SendCommandAsync(string deviceId, bool active, Principal who, CancellationToken cancellationToken = default);

    /// <summary>Adds a new rule.</summary>
    Task<RuleChangeOutcome> AddRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default);

    /// <summary>Replaces the rule with the same id.</summary>
    Task<RuleChangeOutcome> ReplaceRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default);

    /// <summary>Removes the rule <paramref name="ruleId"/>.</summary>
    Task<RuleChangeOutcome> RemoveRuleAsync(string ruleId, Principal who, CancellationToken cancellationToken = default);
}
