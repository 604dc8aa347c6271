using System.Text.RegularExpressions;

namespace IotActors.Home.Rules;

/// <summary>Field checks shared by the config parser and <see cref="RuleDefinition.Validate"/>.</summary>
internal static partial class RuleValidation
{
    public static List<string> Check(RuleDefinition rule, string where)
    {
        var errors = new List<string>();
        if (!IsId(rule.Id)) errors.Add($"{where}: key 'id': '{rule.Id}' is not a valid id; use letters, digits, '-', '_' or '.'");
        if (!IsId(rule.ActuatorId)) errors.Add($"{where}: key 'actuator': '{rule.ActuatorId}' is not a valid device id");
        if (rule.Sensors.Count == 0) errors.Add($"{where}: key 'sensors': at least one sensor id is required");
        foreach (var sensor in rule.Sensors.Where(s => !IsId(s))) errors.Add($"{where}: key 'sensors': '{sensor}' is not a valid device id");
        var duplicates = rule.Sensors.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) errors.Add($"{where}: key 'sensors': '{string.Join("', '", duplicates)}' listed more than once");
        if (string.IsNullOrWhiteSpace(rule.Metric)) errors.Add($"{where}: key 'metric': a metric such as temperature is required");
        if (!double.IsFinite(rule.OnAbove)) errors.Add($"{where}: key 'on-above': must be a finite number");
        if (!double.IsFinite(rule.OffBelow)) errors.Add($"{where}: key 'off-below': must be a finite number");
        if (double.IsFinite(rule.OnAbove) && double.IsFinite(rule.OffBelow) && !(rule.OffBelow < rule.OnAbove))
        {
            errors.Add($"{where}: key 'off-below' ({rule.OffBelow}) must be less than 'on-above' ({rule.OnAbove}) so the rule has a hysteresis band");
        }

        if (rule.OnConsecutive < 1) errors.Add($"{where}: key 'consecutive': must be at least 1, got {rule.OnConsecutive}");
        if (rule.OffConsecutive < 1) errors.Add($"{where}: key 'off-consecutive': must be at least 1, got {rule.OffConsecutive}");
        if (rule.MinDwell < TimeSpan.Zero) errors.Add($"{where}: key 'min-dwell': must not be negative");
        if (rule.StaleAfter < TimeSpan.Zero) errors.Add($"{where}: key 'stale-after': must not be negative");
        return errors;
    }

    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
