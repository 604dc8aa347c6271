using System.Globalization;
using System.Text;
using System.Text.Json;
using IotActors.Devices.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Devices.Replay;

/// <summary>Loads CSV (header row) or JSON (array of objects) datasets; bad rows are skipped with their line number, never a crash.</summary>
public static partial class DatasetLoader
{
    /// <summary>Loads a file, choosing the format from the extension (.json or anything else as CSV).</summary>
    /// <exception cref="DatasetException">The file is missing or unreadable, the JSON is not an array, or no row is usable.</exception>
    public static Dataset Load(string path, DatasetColumnMapping? mapping = null, ILogger? logger = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Cannot read dataset '{path}': {ex.Message}", ex);
        }

        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return Parse(text, json, path, mapping, logger);
    }

    /// <summary>Parses dataset text; <paramref name="json"/> selects JSON, otherwise CSV.</summary>
    /// <exception cref="DatasetException">The JSON is not an array of objects, the CSV has no header, or no row is usable.</exception>
    public static Dataset Parse(string text, bool json, string source = "<text>", DatasetColumnMapping? mapping = null, ILogger? logger = null)
    {
        mapping ??= new DatasetColumnMapping();
        logger ??= NullLogger.Instance;
        var records = new List<DatasetRecord>();
        var skipped = new List<DatasetRowError>();
        var rows = json ? JsonRows(text, source) : CsvRows(text, source, skipped);
        DateTimeOffset? previous = null;
        foreach (var (line, fields, rowError) in rows)
        {
            DatasetRecord? record = null;
            var error = rowError ?? ToRecord(line, fields, mapping, out record);
            if (error is null && record!.Timestamp is { } ts && previous is { } prev && ts < prev)
            {
                error = $"timestamp {ts:O} is earlier than the previous row's {prev:O}";
            }

            if (error is not null)
            {
                skipped.Add(new DatasetRowError(line, error));
                continue;
            }

            previous = record!.Timestamp ?? previous;
            records.Add(record);
        }

        skipped.Sort((a, b) => a.Line.CompareTo(b.Line));
        foreach (var bad in skipped)
        {
            LogSkipped(logger, source, bad.Line, bad.Reason);
        }

        if (skipped.Count > 0)
        {
            LogSkippedTotal(logger, source, skipped.Count, records.Count);
        }

        if (records.Count == 0)
        {
            var first = skipped.Count > 0 ? $" (first problem, line {skipped[0].Line}: {skipped[0].Reason})" : string.Empty;
            throw new DatasetException($"Dataset '{source}' has no usable rows{first}.");
        }

        return new Dataset(source, records, skipped);
    }

    private static string? ToRecord(int line, IReadOnlyDictionary<string, string?> fields, DatasetColumnMapping mapping, out DatasetRecord? record)
    {
        record = null;
        DateTimeOffset? timestamp = null;
        if (fields.TryGetValue(mapping.TimestampColumn, out var tsText))
        {
            if (string.IsNullOrWhiteSpace(tsText) || !TryParseTimestamp(tsText, out var ts))
            {
                return $"'{mapping.TimestampColumn}' is not an ISO 8601 time or Unix seconds: '{Clip(tsText)}'";
            }

            timestamp = ts;
        }

        var values = new List<MetricValue>();
        if (mapping.Metrics is { } metrics)
        {
            foreach (var (column, unit) in metrics)
            {
                if (!fields.TryGetValue(column, out var raw))
                {
                    return $"missing metric column '{column}'";
                }

                if (!TryParseNumber(raw, out var value))
                {
                    return $"'{column}' is not a number: '{Clip(raw)}'";
                }

                values.Add(new MetricValue(column, value, unit));
            }
        }
        else
        {
            foreach (var (column, raw) in fields)
            {
                if (column == mapping.TimestampColumn)
                {
                    continue;
                }

                if (!TryParseNumber(raw, out var value))
                {
                    return $"'{column}' is not a number: '{Clip(raw)}'";
                }

                values.Add(new MetricValue(column, value, DatasetColumnMapping.GuessUnit(column)));
            }
        }

        if (values.Count == 0)
        {
            return "row has no metric values";
        }

        record = new DatasetRecord(timestamp, values, line);
        return null;
    }

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string?> Fields, string? Error)> CsvRows(string text, string source, List<DatasetRowError> skipped)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            throw new DatasetException($"Dataset '{source}' is empty: expected a CSV header row such as 'timestamp,temperature,humidity'.");
        }

        var header = CsvSplit(lines[headerIndex]) ?? throw new DatasetException($"Dataset '{source}': header row has an unterminated quote.");
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var cells = CsvSplit(lines[i]);
            if (cells is null || cells.Count != header.Count)
            {
                var reason = cells is null ? "unterminated quote" : $"{cells.Count} fields, header has {header.Count}";
                skipped.Add(new DatasetRowError(i + 1, reason));
                continue;
            }

            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                row[header[c]] = cells[c];
            }

            yield return (i + 1, row, null);
        }
    }

    private static List<string>? CsvSplit(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (quoted)
        {
            return null;
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    private static List<(int Line, IReadOnlyDictionary<string, string?> Fields, string? Error)> JsonRows(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var rows = new List<(int, IReadOnlyDictionary<string, string?>, string?)>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DatasetException($"Dataset '{source}': expected a JSON array of records like [{{\"timestamp\": \"2025-10-24T10:00:00\", \"temperature\": 22.5}}].");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineOf(bytes, (int)reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                string? error = null;
                if (element.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in element.RootElement.EnumerateObject())
                    {
                        fields[p.Name] = p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString(),
                            JsonValueKind.Number => p.Value.GetRawText(),
                            JsonValueKind.Null => null,
                            _ => p.Value.GetRawText(),
                        };
                    }
                }
                else
                {
                    error = $"record is a JSON {element.RootElement.ValueKind}, expected an object";
                }

                rows.Add((line, fields, error));
            }
        }
        catch (JsonException ex)
        {
            throw new DatasetException($"Dataset '{source}' is not valid JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message}", ex);
        }

        return rows;
    }

    private static int LineOf(byte[] bytes, int offset) => bytes.AsSpan(0, offset).Count((byte)'\n') + 1;

    private static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var unix) && unix is > 0 and < 1e11)
        {
            value = DateTimeOffset.UnixEpoch.AddSeconds(unix);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Clip(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "...";

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Dataset {Source}: skipped line {Line}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string source, int line, string reason);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Dataset {Source}: skipped {Skipped} bad row(s), kept {Kept}")]
    private static partial void LogSkippedTotal(ILogger logger, string source, int skipped, int kept);
}
