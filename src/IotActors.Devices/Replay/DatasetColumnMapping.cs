namespace IotActors.Devices.Replay;

/// <summary>Which column holds the timestamp and which hold metrics (with units).</summary>
/// <param name="TimestampColumn">Column with the recorded time (ISO 8601 or Unix seconds).</param>
/// <param name="Metrics">Metric column to unit; null to take every other column, guessing units from well-known names.</param>
public sealed record DatasetColumnMapping(string TimestampColumn = "timestamp", IReadOnlyDictionary<string, string>? Metrics = null)
{
    /// <summary>Parses "temperature:C,humidity:%RH" (unit optional) into a metric-to-unit map.</summary>
    /// <exception cref="FormatException">An entry has an empty column name.</exception>
    public static IReadOnlyDictionary<string, string> ParseMetrics(string spec)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? part : part[..colon]).Trim();
            if (name.Length == 0)
            {
                throw new FormatException($"column entry '{part}' has no column name; expected 'name' or 'name:unit'");
            }

            map[name] = colon < 0 ? GuessUnit(name) : part[(colon + 1)..].Trim();
        }

        return map;
    }

    /// <summary>The unit of a well-known metric name ("temperature" is "C"), or "" when unknown.</summary>
    public static string GuessUnit(string column) => column.ToLowerInvariant() switch
    {
        "temperature" or "temp" or "body-temperature" => "C",
        "humidity" => "%RH",
        "co2" => "ppm",
        "pm25" or "pm2.5" => "ug/m3",
        "power" => "W",
        "heart-rate" or "heart_rate" => "bpm",
        "spo2" => "%",
        "pressure" => "hPa",
        _ => string.Empty,
    };
}
