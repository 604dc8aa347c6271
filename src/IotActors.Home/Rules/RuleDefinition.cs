namespace IotActors.Home.Rules;

/// <summary>A threshold rule with hysteresis: actuator on when the aggregate stays above <see cref="OnAbove"/>, off when it stays below <see cref="OffBelow"/>.</summary>
/// <param name="Id">Unique rule id, e.g. <c>fan-auto</c>.</param>
/// <param name="ActuatorId">The actuator the rule commands.</param>
/// <param name="Sensors">The sensors whose latest readings are aggregated (at least one).</param>
/// <param name="Metric">The metric read from those sensors; other metrics are ignored.</param>
/// <param name="Aggregate">How the sensors' latest values are combined.</param>
/// <param name="OnAbove">The aggregate must be strictly above this to count toward switching on.</param>
/// <param name="OffBelow">The aggregate must be strictly below this to count toward switching off; less than <see cref="OnAbove"/>.</param>
/// <param name="OnConsecutive">Consecutive samples above <see cref="OnAbove"/> needed to switch on (at least 1).</param>
/// <param name="OffConsecutive">Consecutive samples below <see cref="OffBelow"/> needed to switch off (at least 1).</param>
/// <param name="MinDwell">Minimum time in a state before the rule switches again; zero for none.</param>
/// <param name="StaleAfter">A sensor whose latest reading is older than this is left out of the aggregate; zero means never stale.</param>
public sealed record RuleDefinition(
    string Id,
    string ActuatorId,
    IReadOnlyList<string> Sensors,
    string Metric,
    AggregateKind Aggregate,
    double OnAbove,
    double OffBelow,
    int OnConsecutive = 1,
    int OffConsecutive = 1,
    TimeSpan MinDwell = default,
    TimeSpan StaleAfter = default)
{
    /// <summary>Throws <see cref="RuleConfigurationException"/> naming this rule when a field is out of range.</summary>
    public RuleDefinition Validate()
    {
        var errors = RuleValidation.Check(this, $"rule '{Id}'");
        return errors.Count == 0 ? this : throw new RuleConfigurationException(errors);
    }

    /// <summary>Equality by value, including the sensor list's contents.</summary>
    public bool Equals(RuleDefinition? other) =>
        other is not null && Id == other.Id && ActuatorId == other.ActuatorId && Sensors.SequenceEqual(other.Sensors)
        && Metric == other.Metric && Aggregate == other.Aggregate && OnAbove.Equals(other.OnAbove) && OffBelow.Equals(other.OffBelow)
        && OnConsecutive == other.OnConsecutive && OffConsecutive == other.OffConsecutive && MinDwell == other.MinDwell
        && StaleAfter == other.StaleAfter;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, ActuatorId, Metric, Aggregate, OnAbove, OffBelow, Sensors.Count);
}
