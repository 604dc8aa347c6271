using System.Globalization;

namespace IotActors.Devices.Configuration;

/// <summary>Parsing of HOCON-style scalar values: durations, booleans, numbers.</summary>
internal static class ConfigValues
{
    /// <summary>Parses "5s", "500ms", "2 m", "1h", "100 millis", "2 seconds"; a bare number is milliseconds (as in HOCON).</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var s = text.Trim();
        var i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            i++;
        }

        if (i == 0 || !double.TryParse(s.AsSpan(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        double? ms = s[i..].Trim().ToLowerInvariant() switch
        {
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => n,
            "s" or "second" or "seconds" => n * 1000,
            "m" or "minute" or "minutes" => n * 60_000,
            "h" or "hour" or "hours" => n * 3_600_000,
            "d" or "day" or "days" => n * 86_400_000,
            _ => null,
        };
        if (ms is null || ms > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms.Value);
        return true;
    }

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                value = true;
                return true;
            case "false" or "no" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static TimeSpan Duration(this DeviceSpec spec, string key, TimeSpan fallback) =>
        spec.GetOrNull(key) is { } s && TryParseDuration(s, out var v) ? v : fallback;

    public static bool Bool(this DeviceSpec spec, string key, bool fallback) =>
        spec.GetOrNull(key) is { } s && TryParseBool(s, out var v) ? v : fallback;

    public static double Double(this DeviceSpec spec, string key, double fallback) =>
        spec.GetOrNull(key) is { } s && TryParseDouble(s, out var v) ? v : fallback;

    public static int Int(this DeviceSpec spec, string key, int fallback) =>
        spec.GetOrNull(key) is { } s && TryParseInt(s, out var v) ? v : fallback;
}
