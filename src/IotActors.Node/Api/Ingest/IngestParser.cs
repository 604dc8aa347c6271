using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IotActors.Node.Gateways;

namespace IotActors.Node.Api.Ingest;

/// <summary>
/// Turns ingest bodies into readings. One object is either <c>{"metric","value","unit"?,"timestamp"?}</c> or named metrics
/// <c>{"temperature":21.5,"humidity":40,"timestamp"?}</c>; <c>timestamp</c> is unix seconds or ISO 8601. Batch items add <c>"device"</c> (or <c>"sensor_id"</c>).
/// </summary>
internal static partial class IngestParser
{
    private static readonly Dictionary<string, string> DefaultUnits = new(StringComparer.Ordinal)
    {
        ["temperature"] = "C", ["humidity"] = "%", ["pressure"] = "hPa", ["co2"] = "ppm",
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "timestamp", "device", "sensor_id", "unit", "metric", "value" };

    /// <summary>The readings of one object for <paramref name="deviceId"/>, or an error naming the bad field.</summary>
    public static (List<PeerReading> Readings, string? Error) ParseObject(JsonElement body, string deviceId, string source, DateTimeOffset now) =>
        Guard(() => ParseObjectCore(body, deviceId, source, now));

    /// <summary>Turns an invalid string (bad UTF-8 or a lone surrogate escape, found by JsonDocument only when the string is read) into an error.</summary>
    private static (List<PeerReading> Readings, string? Error) Guard(Func<(List<PeerReading> Readings, string? Error)> parse)
    {
        try
        {
            return parse();
        }
        catch (InvalidOperationException)
        {
            return ([], "a JSON string in the body is not valid UTF-8 (or has a lone surrogate escape)");
        }
    }

    private static (List<PeerReading> Readings, string? Error) ParseObjectCore(JsonElement body, string deviceId, string source, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object) return ([], "expected a JSON object");
        if (!IsDeviceId(deviceId)) return ([], $"'{deviceId}' is not a valid device id (letters, digits, '.', '_', '-'; at most 64)");
        (DateTimeOffset time, string? timeError) = Timestamp(body, now);
        if (timeError is not null) return ([], timeError);

        var readings = new List<PeerReading>();
        if (body.TryGetProperty("metric", out JsonElement metric) || body.TryGetProperty("value", out _))
        {
            if (metric.ValueKind != JsonValueKind.String || !IsMetric(metric.GetString()!)) return ([], "'metric' must be a name such as temperature");
            if (!body.TryGetProperty("value", out JsonElement value) || !TryNumber(value, out double v)) return ([], "'value' must be a finite number");
            string? unit = body.TryGetProperty("unit", out JsonElement u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            string name = metric.GetString()!;
            readings.Add(new PeerReading(deviceId, name, v, unit ?? DefaultUnits.GetValueOrDefault(name), time, source));
            return (readings, null);
        }

        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (Reserved.Contains(property.Name)) continue;
            if (!IsMetric(property.Name)) return ([], $"'{property.Name}' is not a valid metric name");
            if (!TryNumber(property.Value, out double v)) return ([], $"'{property.Name}' must be a finite number");
            readings.Add(new PeerReading(deviceId, property.Name, v, DefaultUnits.GetValueOrDefault(property.Name), time, source));
        }
        return readings.Count == 0 ? ([], "no reading in the body: send {\"temperature\":21.5} or {\"metric\":\"temperature\",\"value\":21.5}") : (readings, null);
    }

    /// <summary>Every reading of a batch (an array, or <c>{"readings":[...]}</c>), or the first error with its item index; nothing is accepted when any item is bad.</summary>
    public static (List<PeerReading> Readings, string? Error) ParseBatch(JsonElement body, int maxItems, string source, DateTimeOffset now) =>
        Guard(() => ParseBatchCore(body, maxItems, source, now));

    private static (List<PeerReading> Readings, string? Error) ParseBatchCore(JsonElement body, int maxItems, string source, DateTimeOffset now)
    {
        JsonElement items = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("readings", out JsonElement r) ? r : body;
        if (items.ValueKind != JsonValueKind.Array) return ([], "expected a JSON array of readings or {\"readings\":[...]}");
        int count = items.GetArrayLength();
        if (count == 0) return ([], "the batch is empty");
        if (count > maxItems) return ([], $"the batch holds {count} items; at most {maxItems} are allowed per request");

        var all = new List<PeerReading>();
        int index = 0;
        foreach (JsonElement item in items.EnumerateArray())
        {
            string? device = item.ValueKind != JsonValueKind.Object ? null
                : item.TryGetProperty("device", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString()
                : item.TryGetProperty("sensor_id", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (device is null) return ([], $"item {index}: 'device' (or 'sensor_id') is required");
            (List<PeerReading> readings, string? error) = ParseObjectCore(item, device, source, now);
            if (error is not null) return ([], $"item {index}: {error}");
            all.AddRange(readings);
            index++;
        }
        return (all, null);
    }

    public static bool IsDeviceId(string id) => IdPattern().IsMatch(id);

    private static bool IsMetric(string name) => MetricPattern().IsMatch(name);

    private static bool TryNumber(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value);
    }

    private static (DateTimeOffset Time, string? Error) Timestamp(JsonElement body, DateTimeOffset now)
    {
        if (!body.TryGetProperty("timestamp", out JsonElement ts) || ts.ValueKind == JsonValueKind.Null) return (now, null);
        if (ts.ValueKind == JsonValueKind.Number && ts.TryGetDouble(out double seconds) && seconds is > 0 and < 253402300799)
        {
            return (DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)), null);
        }
        if (ts.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            return (parsed, null);
        }
        return (now, "'timestamp' must be unix seconds or an ISO 8601 time");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex MetricPattern();
}
