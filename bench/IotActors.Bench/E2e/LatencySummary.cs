using System.Globalization;

namespace IotActors.Bench.E2e;

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
internal sealed class LatencySummary
{
    private readonly double[] _sorted;

    public LatencySummary(IEnumerable<double> milliseconds) => _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    /// <summary>The <paramref name="q"/> quantile (0..1); NaN without samples.</summary>
    public double P(double q) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(q * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P(0.50):F2} ms p95={P(0.95):F2} ms p99={P(0.99):F2} ms max={P(1):F2} ms");
}
