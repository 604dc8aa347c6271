namespace IotActors.Home.Sensors;

/// <summary>What a sensor accepts: a plausible range per metric and the shortest time between two samples of one device and metric.</summary>
/// <param name="Ranges">Range per metric (case-insensitive); metrics without an entry accept any finite value.</param>
/// <param name="MinInterval">Samples closer than this to the previous accepted one are rejected; zero accepts any rate.</param>
public sealed record SampleValidationOptions(IReadOnlyDictionary<string, MetricRange> Ranges, TimeSpan MinInterval)
{
    /// <summary>Defaults: physical ranges for common metrics and at most 10 samples per second.</summary>
    public static SampleValidationOptions Default { get; } = new(
        new Dictionary<string, MetricRange>(StringComparer.OrdinalIgnoreCase)
        {
            ["temperature"] = new(-50, 125),
            ["humidity"] = new(0, 100),
            ["co2"] = new(0, 10_000),
            ["pm25"] = new(0, 1_000),
            ["motion"] = new(0, 1),
        },
        TimeSpan.FromMilliseconds(100));

    /// <summary>The range for <paramref name="metric"/>, or null when any finite value is accepted.</summary>
    public MetricRange? RangeOf(string metric) =>
        Ranges.TryGetValue(metric, out var range) ? range
        : Ranges.FirstOrDefault(p => string.Equals(p.Key, metric, StringComparison.OrdinalIgnoreCase)).Value;
}
