using System.Text.Json.Serialization;
using IotActors.Actors;
using IotActors.Home.Rules;
using IotActors.Home.Site;
using IotActors.Remote;

namespace IotActors.Home.Actors;

/// <summary>What a rule change does.</summary>
public enum RuleChangeKind
{
    /// <summary>Adds a new rule.</summary>
    Add,

    /// <summary>Replaces the rule with the same id.</summary>
    Replace,

    /// <summary>Removes a rule by id.</summary>
    Remove,
}

/// <summary>Asks the rule actor to change the rules on behalf of <paramref name="Who"/> (admins only); answered with a <see cref="RuleChangeOutcome"/>.</summary>
public sealed record ChangeRules(RuleChangeKind Kind, RuleDefinition? Rule, string RuleId, Principal Who);

/// <summary>Asks the rule actor for the current rules; answered with <see cref="RulesSnapshot"/>.</summary>
public sealed record GetRules
{
    /// <summary>The single instance.</summary>
    public static GetRules Instance { get; } = new();
}

/// <summary>Sends <paramref name="Subscriber"/> the current <see cref="RulesSnapshot"/> and one on every change.</summary>
public sealed record SubscribeRules(IActorRef Subscriber);

/// <summary>The rules in force.</summary>
public sealed record RulesSnapshot(RuleSet Rules);

/// <summary>The rule set after a change on some node, spread on topic <c>rules</c> (manifest <c>home.RuleSetChanged</c>).</summary>
/// <param name="Rules">Every rule.</param>
/// <param name="Version">The rule-set version.</param>
/// <param name="ChangedBy">Node address of the change (tie-break between equal versions).</param>
public sealed record RuleSetChanged(IReadOnlyList<RuleDefinition> Rules, long Version, string ChangedBy) : IAuthenticatedMessage
{
    /// <inheritdoc />
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    /// <inheritdoc />
    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>Persisted event of the rule actor: the whole rule set after a change.</summary>
public sealed record RulesReplaced(IReadOnlyList<RuleDefinition> Rules, long Version, string ChangedBy);
