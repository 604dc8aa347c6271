namespace IotActors.Devices.Configuration;

/// <summary>One allowed key of a device entry: whether it is required, what values are valid, and how to say so.</summary>
internal sealed record KeyRule(string Key, bool Required, string Allowed, Func<string, bool> IsValid)
{
    public static KeyRule Text(string key, bool required = false) =>
        new(key, required, "a non-empty string", s => s.Trim().Length > 0);

    public static KeyRule Duration(string key, TimeSpan min, bool required = false) =>
        new(key, required, $"a duration of at least {Describe(min)} such as 5s, 500ms, 1m", s => ConfigValues.TryParseDuration(s, out var d) && d >= min);

    public static KeyRule Bool(string key) =>
        new(key, false, "true or false", s => ConfigValues.TryParseBool(s, out _));

    public static KeyRule Number(string key, double min, double max) =>
        new(key, false, $"a number from {min} to {max}", s => ConfigValues.TryParseDouble(s, out var v) && v >= min && v <= max);

    public static KeyRule Integer(string key) =>
        new(key, false, "an integer", s => ConfigValues.TryParseInt(s, out _));

    public static KeyRule OneOf(string key, params string[] values) =>
        new(key, false, "one of " + string.Join(", ", values), s => values.Contains(s.Trim().ToLowerInvariant()));

    private static string Describe(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds}s" : $"{t.TotalMilliseconds}ms";
}
