using System.Globalization;
using IotActors.Hocon;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Typed, validated reads of one configuration section; every failure names the key, the value and what is allowed.</summary>
public sealed class SettingsReader
{
    private readonly IConfiguration _section;
    private readonly string _prefix;

    /// <summary>Reads keys under <paramref name="hoconPath"/> (dotted, e.g. <c>iotactors.node</c>) of the configuration.</summary>
    public SettingsReader(IConfiguration configuration, string hoconPath)
        : this(string.IsNullOrEmpty(hoconPath) ? configuration : configuration.GetSection(hoconPath.Replace('.', ':')), hoconPath, 0)
    {
    }

    private SettingsReader(IConfiguration section, string prefix, int _)
    {
        _section = section;
        _prefix = prefix;
    }

    /// <summary>The full dotted key of <paramref name="key"/>.</summary>
    public string KeyOf(string key) => string.IsNullOrEmpty(_prefix) ? key : $"{_prefix}.{key}";

    /// <summary>A reader for a nested section.</summary>
    public SettingsReader Section(string key) => new(_section.GetSection(key.Replace('.', ':')), KeyOf(key), 0);

    /// <summary>The raw value, or null when absent.</summary>
    public string? Raw(string key) => _section[key.Replace('.', ':')];

    /// <summary>A string; empty values count as absent.</summary>
    public string String(string key, string fallback) => Raw(key) is { Length: > 0 } v ? v : fallback;

    /// <summary>A string that must be present.</summary>
    public string RequiredString(string key) =>
        Raw(key) is { Length: > 0 } v ? v : throw new InvalidSettingException(KeyOf(key), null, "a value is required");

    /// <summary>An integer within [min, max].</summary>
    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        string? raw = Raw(key);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new InvalidSettingException(KeyOf(key), raw, $"a whole number from {min} to {max}");
        }
        return value;
    }

    /// <summary>A number within [min, max].</summary>
    public double Double(string key, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        string? raw = Raw(key);
        if (raw is null) return fallback;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
        {
            throw new InvalidSettingException(KeyOf(key), raw, $"a number from {min} to {max}");
        }
        return value;
    }

    /// <summary>A boolean: true/false, on/off, yes/no.</summary>
    public bool Bool(string key, bool fallback)
    {
        string? raw = Raw(key);
        return raw?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "on" or "yes" => true,
            "false" or "off" or "no" => false,
            _ => throw new InvalidSettingException(KeyOf(key), raw, "true/false, on/off or yes/no"),
        };
    }

    /// <summary>A HOCON duration such as <c>500ms</c> or <c>2 s</c>, at least <paramref name="min"/>.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan? min = null, TimeSpan? max = null)
    {
        string? raw = Raw(key);
        if (raw is null) return fallback;
        TimeSpan lower = min ?? TimeSpan.Zero, upper = max ?? TimeSpan.MaxValue;
        if (!HoconUnits.TryParseDuration(raw, out TimeSpan value) || value < lower || value > upper)
        {
            throw new InvalidSettingException(KeyOf(key), raw, $"a duration such as 500ms, 2s or 1m, from {lower} to {(max is null ? "unbounded" : upper.ToString())}");
        }
        return value;
    }

    /// <summary>A HOCON size such as <c>64KiB</c> or <c>1M</c>, in bytes.</summary>
    public long Size(string key, long fallback, long min = 0, long max = long.MaxValue)
    {
        string? raw = Raw(key);
        if (raw is null) return fallback;
        if (!HoconUnits.TryParseSize(raw, out long value) || value < min || value > max)
        {
            throw new InvalidSettingException(KeyOf(key), raw, $"a size such as 64KiB or 1M, from {min} to {max} bytes");
        }
        return value;
    }

    /// <summary>One of a fixed set of words (case-insensitive), returned lower-case.</summary>
    public string OneOf(string key, string fallback, params string[] allowed)
    {
        string? raw = Raw(key);
        if (raw is null) return fallback;
        string lower = raw.ToLowerInvariant();
        return allowed.Contains(lower) ? lower : throw new InvalidSettingException(KeyOf(key), raw, $"one of {string.Join(", ", allowed)}");
    }

    /// <summary>A list of strings (a HOCON array, which .NET configuration stores as key:0, key:1, ...).</summary>
    public IReadOnlyList<string> StringList(string key, IReadOnlyList<string> fallback)
    {
        IConfigurationSection section = _section.GetSection(key.Replace('.', ':'));
        string[] items = section.GetChildren()
            .Where(c => int.TryParse(c.Key, out _))
            .OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture))
            .Select(c => c.Value ?? "")
            .ToArray();
        if (items.Length > 0) return items;
        // An empty HOCON array leaves no keys; a single scalar (e.g. from an environment variable) is a one-item list.
        return section.Value is { Length: > 0 } single ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : fallback;
    }

    /// <summary>The underlying section, for binders that take children (device lists).</summary>
    public IConfiguration Configuration => _section;
}
