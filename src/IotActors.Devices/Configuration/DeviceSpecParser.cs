using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace IotActors.Devices.Configuration;

/// <summary>Validates device declarations at start-up and turns them into <see cref="DeviceSpec"/>s; every problem is reported at once.</summary>
public static partial class DeviceSpecParser
{
    /// <summary>Parses the children of a <c>devices</c> configuration section (HOCON arrays arrive as devices:0:id, devices:0:kind, ...).</summary>
    /// <exception cref="DeviceConfigurationException">Any entry is invalid.</exception>
    public static IReadOnlyList<DeviceSpec> Parse(IConfigurationSection devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var entries = devices.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (IReadOnlyDictionary<string, string>)c.GetChildren()
                .Where(k => k.Value is not null)
                .ToDictionary(k => k.Key, k => k.Value!, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return Parse(entries);
    }

    /// <summary>Parses device entries given as key/value maps.</summary>
    /// <exception cref="DeviceConfigurationException">Any entry is invalid.</exception>
    public static IReadOnlyList<DeviceSpec> Parse(IReadOnlyList<IReadOnlyDictionary<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<string>();
        var specs = new List<DeviceSpec>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index].ToDictionary(p => p.Key.Trim().ToLowerInvariant(), p => p.Value, StringComparer.Ordinal);
            var id = entry.GetValueOrDefault("id")?.Trim();
            var where = id is { Length: > 0 } ? $"devices[{index}] (id '{id}')" : $"devices[{index}]";
            var before = errors.Count;
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"{where}: missing required key 'id' (a unique name such as living-room-temp)");
            }
            else if (!IdPattern().IsMatch(id))
            {
                errors.Add($"{where}: key 'id': value '{id}' is not allowed; use letters, digits, '-', '_' or '.' (max 64 characters)");
            }
            else if (seen.TryGetValue(id, out var first))
            {
                errors.Add($"{where}: key 'id': duplicate id '{id}', already used by devices[{first}]; ids must be unique per node");
            }
            else
            {
                seen[id] = index;
            }

            var kind = entry.GetValueOrDefault("kind")?.Trim().ToLowerInvariant();
            var rules = kind is null ? null : DeviceSchema.RulesFor(kind);
            if (string.IsNullOrEmpty(kind))
            {
                errors.Add($"{where}: missing required key 'kind'; allowed: {string.Join(", ", DeviceKinds.All)}");
                continue;
            }

            if (rules is null)
            {
                errors.Add($"{where}: key 'kind': unknown kind '{kind}'; allowed: {string.Join(", ", DeviceKinds.All)}");
                continue;
            }

            var period = DeviceSchema.DefaultPeriod(kind);
            if (entry.TryGetValue("period", out var periodText))
            {
                var min = DeviceSchema.MinPeriod(kind);
                if (!ConfigValues.TryParseDuration(periodText, out period) || period < min)
                {
                    errors.Add($"{where}: key 'period': value '{periodText}' is not allowed; expected a duration of at least {min.TotalMilliseconds}ms for kind '{kind}', such as 5s");
                }
            }

            foreach (var rule in rules)
            {
                if (entry.TryGetValue(rule.Key, out var value))
                {
                    if (!rule.IsValid(value))
                    {
                        errors.Add($"{where}: key '{rule.Key}': value '{value}' is not allowed; expected {rule.Allowed}");
                    }
                }
                else if (rule.Required)
                {
                    errors.Add($"{where}: missing required key '{rule.Key}' for kind '{kind}'; expected {rule.Allowed}");
                }
            }

            foreach (var key in entry.Keys)
            {
                if (!DeviceSchema.CommonKeys.Contains(key) && !rules.Any(r => r.Key == key))
                {
                    var allowed = DeviceSchema.CommonKeys.Concat(rules.Select(r => r.Key));
                    errors.Add($"{where}: unknown key '{key}' for kind '{kind}'; allowed keys: {string.Join(", ", allowed)}");
                }
            }

            if (errors.Count == before)
            {
                entry["kind"] = kind;
                specs.Add(new DeviceSpec(index, id!, kind, period, entry));
            }
        }

        return errors.Count > 0 ? throw new DeviceConfigurationException(errors) : specs;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
