using System.Globalization;
using IotActors.Home.Model;

namespace IotActors.Home.Rules;

/// <summary>Pure, deterministic evaluation of one <see cref="RuleDefinition"/>: the same readings and times always give the same decisions.</summary>
/// <remarks>Readings that are older than (or duplicates of) the latest one seen from the same sensor are ignored, so redelivery cannot change the outcome.</remarks>
public sealed class RuleEvaluator
{
    /// <summary>Creates an evaluator for a validated rule.</summary>
    public RuleEvaluator(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule.Validate();
    }

    /// <summary>The rule evaluated.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>True when <paramref name="reading"/> is one this rule listens to (its metric from one of its sensors).</summary>
    public bool IsRelevant(Reading reading) =>
        string.Equals(reading.Metric, Rule.Metric, StringComparison.OrdinalIgnoreCase) && Rule.Sensors.Contains(reading.DeviceId, StringComparer.Ordinal);

    /// <summary>Feeds one reading; returns the new state and a decision when the desired state changes.</summary>
    /// <param name="state">The state returned by the previous call (or <see cref="RuleState.Initial"/>).</param>
    /// <param name="reading">The new reading; irrelevant, non-finite, old and duplicate readings leave the state unchanged.</param>
    /// <param name="now">The evaluation time, used for staleness and dwell.</param>
    public (RuleState State, RuleDecision? Decision) Evaluate(RuleState state, Reading reading, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reading);
        if (!IsRelevant(reading) || !double.IsFinite(reading.Value))
        {
            return (state, null);
        }

        if (state.Latest.TryGetValue(reading.DeviceId, out var previous)
            && (reading.SourceTime < previous.SourceTime || (reading.SourceTime == previous.SourceTime && reading.SequenceNr <= previous.SequenceNr)))
        {
            return (state, null);
        }

        var latest = state.Latest.SetItem(reading.DeviceId, new SensorLatest(reading.Value, reading.SequenceNr, reading.SourceTime));
        var aggregate = Aggregate(latest, now);
        if (aggregate is not { } value)
        {
            return (state with { Latest = latest }, null);
        }

        int above = value > Rule.OnAbove ? state.AboveCount + 1 : 0;
        int below = value < Rule.OffBelow ? state.BelowCount + 1 : 0;
        var next = state with { Latest = latest, AboveCount = above, BelowCount = below };
        bool? target = above >= Rule.OnConsecutive ? true : below >= Rule.OffConsecutive ? false : null;
        if (target is not { } desired || state.Desired == desired)
        {
            return (next, null);
        }

        if (state.LastSwitchAt is { } since && Rule.MinDwell > TimeSpan.Zero && now - since < Rule.MinDwell)
        {
            return (next, null);
        }

        next = next with { Desired = desired, LastSwitchAt = now };
        return (next, new RuleDecision(Rule.Id, Rule.ActuatorId, desired, value, Describe(desired, value), reading, now));
    }

    /// <summary>The aggregate over the sensors whose latest reading is fresh at <paramref name="now"/>; null when none is.</summary>
    public double? Aggregate(IEnumerable<KeyValuePair<string, SensorLatest>> latest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(latest);
        int count = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var (_, sample) in latest)
        {
            if (Rule.StaleAfter > TimeSpan.Zero && now - sample.SourceTime > Rule.StaleAfter)
            {
                continue;
            }

            count++;
            sum += sample.Value;
            min = Math.Min(min, sample.Value);
            max = Math.Max(max, sample.Value);
        }

        if (count == 0)
        {
            return null;
        }

        return Rule.Aggregate switch
        {
            AggregateKind.Max => max,
            AggregateKind.Min => min,
            _ => sum / count,
        };
    }

    private string Describe(bool desired, double value)
    {
        var aggregate = Rule.Aggregate.ToString().ToLowerInvariant();
        return desired
            ? string.Create(CultureInfo.InvariantCulture, $"rule {Rule.Id}: {aggregate} {Rule.Metric} {value:0.###} > {Rule.OnAbove} for {Rule.OnConsecutive} sample(s)")
            : string.Create(CultureInfo.InvariantCulture, $"rule {Rule.Id}: {aggregate} {Rule.Metric} {value:0.###} < {Rule.OffBelow} for {Rule.OffConsecutive} sample(s)");
    }
}
