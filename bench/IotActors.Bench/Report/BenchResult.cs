using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotActors.Bench.Report;

/// <summary>One measurement as stored in bench/results/&lt;name&gt;.json.</summary>
internal sealed record BenchResult(
    string Name,
    string Command,
    DateTimeOffset Timestamp,
    double[] LoadAverage,
    string Status,
    string? Reason,
    int ExitCode,
    Dictionary<string, double> Figures,
    string[] Output)
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string NotRun = "not-run";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The 1/5/15-minute load averages from /proc/loadavg (empty where it cannot be read).</summary>
    public static double[] ReadLoadAverage(string path = "/proc/loadavg")
    {
        if (!File.Exists(path)) { return []; }
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Take(3).Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Reads every *.json result in <paramref name="directory"/>, in name order.</summary>
    public static IReadOnlyList<BenchResult> LoadAll(string directory)
    {
        if (!Directory.Exists(directory)) { return []; }
        var results = new List<BenchResult>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                results.Add(JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(file), Json)
                    ?? throw new InvalidDataException($"{file} holds no result object."));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file} is not a bench result ({ex.Message}); delete it or re-run bench/run-all.sh.", ex);
            }
        }
        return results;
    }
}
