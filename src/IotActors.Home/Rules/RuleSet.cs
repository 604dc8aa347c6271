using System.Collections.Immutable;

namespace IotActors.Home.Rules;

/// <summary>An immutable, versioned set of rules; every change returns a new set with a higher <see cref="Version"/>.</summary>
/// <remarks>At most one rule may command an actuator, so two rules can never fight over it.</remarks>
public sealed class RuleSet
{
    private readonly ImmutableSortedDictionary<string, RuleDefinition> _rules;

    private RuleSet(ImmutableSortedDictionary<string, RuleDefinition> rules, long version)
    {
        _rules = rules;
        Version = version;
    }

    /// <summary>The empty set at version 0.</summary>
    public static RuleSet Empty { get; } = new(ImmutableSortedDictionary.Create<string, RuleDefinition>(StringComparer.Ordinal), 0);

    /// <summary>Increases by one with every Add, Replace or Remove.</summary>
    public long Version { get; }

    /// <summary>Number of rules.</summary>
    public int Count => _rules.Count;

    /// <summary>The rules ordered by id.</summary>
    public IReadOnlyList<RuleDefinition> Rules => _rules.Values.ToList();

    /// <summary>Builds a set from rules (version 1 when any), validating each and the set as a whole.</summary>
    /// <exception cref="RuleConfigurationException">A rule is invalid, an id repeats, or two rules command one actuator.</exception>
    public static RuleSet From(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var set = Empty;
        foreach (var rule in rules)
        {
            set = set.Add(rule);
        }

        return set.Count == 0 ? Empty : new RuleSet(set._rules, 1);
    }

    /// <summary>The rule with this id, or null.</summary>
    /// <summary>A rule set of <paramref name="rules"/> at a known <paramref name="version"/> (recovered or replicated rule sets).</summary>
    /// <exception cref="RuleConfigurationException">A rule is invalid, ids repeat, or two rules command one actuator.</exception>
    public static RuleSet From(IEnumerable<RuleDefinition> rules, long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var set = From(rules);
        return new RuleSet(set._rules, version);
    }

    public RuleDefinition? Find(string id) => _rules.GetValueOrDefault(id);

    /// <summary>The rule that commands this actuator, or null.</summary>
    public RuleDefinition? ForActuator(string actuatorId) => _rules.Values.FirstOrDefault(r => r.ActuatorId == actuatorId);

    /// <summary>The rules that read this sensor.</summary>
    public IReadOnlyList<RuleDefinition> ForSensor(string sensorId) => _rules.Values.Where(r => r.Sensors.Contains(sensorId, StringComparer.Ordinal)).ToList();

    /// <summary>A new set with <paramref name="rule"/> added.</summary>
    /// <exception cref="RuleConfigurationException">The rule is invalid, its id exists, or its actuator already has a rule.</exception>
    public RuleSet Add(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        if (_rules.ContainsKey(rule.Id))
        {
            throw new RuleConfigurationException([$"rule '{rule.Id}': a rule with this id already exists; use Replace to change it"]);
        }

        CheckActuatorFree(rule);
        return new RuleSet(_rules.Add(rule.Id, rule), Version + 1);
    }

    /// <summary>A new set with the rule of the same id replaced by <paramref name="rule"/>.</summary>
    /// <exception cref="RuleConfigurationException">The rule is invalid, no rule has its id, or its actuator has another rule.</exception>
    public RuleSet Replace(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        if (!_rules.ContainsKey(rule.Id))
        {
            throw new RuleConfigurationException([$"rule '{rule.Id}': no rule with this id exists; use Add to create it"]);
        }

        CheckActuatorFree(rule);
        return new RuleSet(_rules.SetItem(rule.Id, rule), Version + 1);
    }

    /// <summary>A new set without the rule <paramref name="id"/>.</summary>
    /// <exception cref="RuleConfigurationException">No rule has this id.</exception>
    public RuleSet Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_rules.ContainsKey(id))
        {
            throw new RuleConfigurationException([$"rule '{id}': no rule with this id exists"]);
        }

        return new RuleSet(_rules.Remove(id), Version + 1);
    }

    private void CheckActuatorFree(RuleDefinition rule)
    {
        if (ForActuator(rule.ActuatorId) is { } other && other.Id != rule.Id)
        {
            throw new RuleConfigurationException(
                [$"rule '{rule.Id}': actuator '{rule.ActuatorId}' is already commanded by rule '{other.Id}'; one rule per actuator keeps rules from fighting"]);
        }
    }
}
