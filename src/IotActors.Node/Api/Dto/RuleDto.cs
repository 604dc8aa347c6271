using IotActors.Home.Rules;

namespace IotActors.Node.Api.Dto;

/// <summary>A rule in JSON: durations in seconds, the aggregate as <c>avg</c>, <c>max</c> or <c>min</c>.</summary>
internal sealed record RuleDto(
    string? Id, string? Actuator, IReadOnlyList<string>? Sensors, string? Metric, string? Aggregate, double? OnAbove, double? OffBelow,
    int? OnConsecutive = 1, int? OffConsecutive = 1, double? MinDwellSeconds = 0, double? StaleAfterSeconds = 0)
{
    public static RuleDto From(RuleDefinition rule) => new(
        rule.Id, rule.ActuatorId, rule.Sensors, rule.Metric, rule.Aggregate.ToString().ToLowerInvariant(), rule.OnAbove, rule.OffBelow,
        rule.OnConsecutive, rule.OffConsecutive, rule.MinDwell.TotalSeconds, rule.StaleAfter.TotalSeconds);

    /// <summary>The definition, or every missing or malformed field at once.</summary>
    public (RuleDefinition? Rule, IReadOnlyList<string> Errors) ToDefinition()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Id)) errors.Add("'id' is required");
        if (string.IsNullOrWhiteSpace(Actuator)) errors.Add("'actuator' is required");
        if (Sensors is null) errors.Add("'sensors' (a list of device ids) is required");
        if (string.IsNullOrWhiteSpace(Metric)) errors.Add("'metric' is required");
        if (OnAbove is null) errors.Add("'onAbove' is required");
        if (OffBelow is null) errors.Add("'offBelow' is required");
        AggregateKind aggregate = AggregateKind.Avg;
        if (Aggregate is not null && !Enum.TryParse(Aggregate, ignoreCase: true, out aggregate))
        {
            errors.Add($"'aggregate' must be avg, max or min, not '{Aggregate}'");
        }
        if (MinDwellSeconds is < 0 or > 86_400 * 365) errors.Add("'minDwellSeconds' must be from 0 to one year");
        if (StaleAfterSeconds is < 0 or > 86_400 * 365) errors.Add("'staleAfterSeconds' must be from 0 to one year");
        if (errors.Count > 0) return (null, errors);

        var rule = new RuleDefinition(Id!, Actuator!, Sensors!, Metric!, aggregate, OnAbove!.Value, OffBelow!.Value,
            OnConsecutive ?? 1, OffConsecutive ?? 1, TimeSpan.FromSeconds(MinDwellSeconds ?? 0), TimeSpan.FromSeconds(StaleAfterSeconds ?? 0));
        return (rule, []);
    }
}
