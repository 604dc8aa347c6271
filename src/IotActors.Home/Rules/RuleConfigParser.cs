using System.Globalization;
using IotActors.Hocon;
using Microsoft.Extensions.Configuration;

namespace IotActors.Home.Rules;

/// <summary>Reads <c>iotactors.home.rules</c> (a HOCON array of objects) into a <see cref="RuleSet"/>, reporting every bad entry at once.</summary>
public static class RuleConfigParser
{
    private static readonly string[] Keys =
        ["id", "actuator", "sensors", "metric", "aggregate", "on-above", "off-below", "consecutive", "off-consecutive", "min-dwell", "stale-after"];

    /// <summary>Parses the children of a rules section (arrays arrive as rules:0:id, rules:0:sensors:0, ...).</summary>
    /// <param name="rules">The rules section.</param>
    /// <param name="defaultStaleAfter">Stale-after for rules that do not set it.</param>
    /// <param name="path">The dotted path used in error messages.</param>
    /// <exception cref="RuleConfigurationException">Any entry is invalid; every problem is listed.</exception>
    public static RuleSet Parse(IConfiguration rules, TimeSpan defaultStaleAfter, string path = "iotactors.home.rules")
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<string>();
        var parsed = new List<RuleDefinition>();
        var entries = rules.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ToList();
        foreach (var entry in entries)
        {
            string? id = entry["id"];
            string where = id is { Length: > 0 } ? $"{path}[{entry.Key}] (id '{id}')" : $"{path}[{entry.Key}]";
            int before = errors.Count;
            var rule = ParseEntry(entry, where, defaultStaleAfter, errors);
            if (rule is not null && errors.Count == before)
            {
                errors.AddRange(RuleValidation.Check(rule, where));
                if (errors.Count == before)
                {
                    parsed.Add(rule);
                }
            }
        }

        foreach (var group in parsed.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{path}: id '{group.Key}' is used by {group.Count()} rules; ids must be unique");
        }

        foreach (var group in parsed.GroupBy(r => r.ActuatorId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{path}: actuator '{group.Key}' is commanded by rules {string.Join(", ", group.Select(r => $"'{r.Id}'"))}; one rule per actuator keeps rules from fighting");
        }

        return errors.Count > 0 ? throw new RuleConfigurationException(errors) : RuleSet.From(parsed);
    }

    private static RuleDefinition? ParseEntry(IConfigurationSection entry, string where, TimeSpan defaultStaleAfter, List<string> errors)
    {
        foreach (var child in entry.GetChildren().Where(c => !Keys.Contains(c.Key.ToLowerInvariant())))
        {
            errors.Add($"{where}: unknown key '{child.Key}'; allowed keys: {string.Join(", ", Keys)}");
        }

        string id = Required(entry, "id", where, "a unique rule name such as fan-auto", errors);
        string actuator = Required(entry, "actuator", where, "the actuator's device id such as fan-1", errors);
        string metric = Required(entry, "metric", where, "a metric such as temperature", errors);
        var sensors = Sensors(entry.GetSection("sensors"));
        if (sensors.Count == 0)
        {
            errors.Add($"{where}: missing required key 'sensors'; expected a list of sensor ids such as [living-room-temp]");
        }

        var aggregate = AggregateKind.Avg;
        if (entry["aggregate"] is { } aggregateText && !Enum.TryParse(aggregateText, ignoreCase: true, out aggregate))
        {
            errors.Add($"{where}: key 'aggregate': value '{aggregateText}' is not allowed; expected avg, max or min");
        }

        double onAbove = Number(entry, "on-above", where, errors);
        double offBelow = Number(entry, "off-below", where, errors);
        int consecutive = Count(entry, "consecutive", where, errors);
        int offConsecutive = Count(entry, "off-consecutive", where, errors);
        var minDwell = Duration(entry, "min-dwell", TimeSpan.Zero, where, errors);
        var staleAfter = Duration(entry, "stale-after", defaultStaleAfter, where, errors);
        return new RuleDefinition(id, actuator, sensors, metric, aggregate, onAbove, offBelow, consecutive, offConsecutive, minDwell, staleAfter);
    }

    private static string Required(IConfigurationSection entry, string key, string where, string expected, List<string> errors)
    {
        if (entry[key] is { Length: > 0 } value)
        {
            return value.Trim();
        }

        errors.Add($"{where}: missing required key '{key}'; expected {expected}");
        return "";
    }

    private static List<string> Sensors(IConfigurationSection section)
    {
        var items = section.GetChildren()
            .Where(c => int.TryParse(c.Key, out _))
            .OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture))
            .Select(c => (c.Value ?? "").Trim())
            .ToList();
        if (items.Count == 0 && section.Value is { Length: > 0 } single)
        {
            items = single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        return items;
    }

    private static double Number(IConfigurationSection entry, string key, string where, List<string> errors)
    {
        string? raw = entry[key];
        if (raw is null)
        {
            errors.Add($"{where}: missing required key '{key}'; expected a number such as 25.0");
            return double.NaN;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            errors.Add($"{where}: key '{key}': value '{raw}' is not a number; expected e.g. 25.0");
            return double.NaN;
        }

        return value;
    }

    private static int Count(IConfigurationSection entry, string key, string where, List<string> errors)
    {
        string? raw = entry[key];
        if (raw is null)
        {
            return 1;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > 1000)
        {
            errors.Add($"{where}: key '{key}': value '{raw}' is not allowed; expected a whole number from 1 to 1000");
            return 1;
        }

        return value;
    }

    private static TimeSpan Duration(IConfigurationSection entry, string key, TimeSpan fallback, string where, List<string> errors)
    {
        string? raw = entry[key];
        if (raw is null)
        {
            return fallback;
        }

        if (!HoconUnits.TryParseDuration(raw, out var value) || value < TimeSpan.Zero)
        {
            errors.Add($"{where}: key '{key}': value '{raw}' is not allowed; expected a duration such as 30s, 500ms or 1m");
            return fallback;
        }

        return value;
    }
}
