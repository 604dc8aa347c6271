using System.Globalization;

namespace IotActors.Node.Tools;

/// <summary>Round-trip statistics of a benchmark run, in milliseconds.</summary>
internal sealed record RttStats(int Sent, int Received, double MinMs, double MaxMs, double MeanMs, double StdDevMs)
{
    /// <summary>Fraction of probes without an answer (0..1).</summary>
    public double Loss => Sent == 0 ? 0 : (Sent - Received) / (double)Sent;

    /// <summary>Computes the statistics of the answered probes' round-trip times.</summary>
    public static RttStats From(int sent, IReadOnlyList<double> rttsMs)
    {
        if (rttsMs.Count == 0) return new RttStats(sent, 0, 0, 0, 0, 0);
        double mean = rttsMs.Average();
        double variance = rttsMs.Count > 1 ? rttsMs.Sum(r => (r - mean) * (r - mean)) / (rttsMs.Count - 1) : 0;
        return new RttStats(sent, rttsMs.Count, rttsMs.Min(), rttsMs.Max(), mean, Math.Sqrt(variance));
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"sent {Sent}, received {Received}, loss {Loss:P1}; rtt min {MinMs:0.000} ms, max {MaxMs:0.000} ms, mean {MeanMs:0.000} ms, std {StdDevMs:0.000} ms");
}
