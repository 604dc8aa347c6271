using System.Diagnostics;
using System.Globalization;
using IotActors.TestKit.MultiNode;

namespace IotActors.Bench.NodeRuntime;

/// <summary>
/// Waits until no node process is still busy in the JIT, read from each node's <c>/metrics</c>. Tiered compilation
/// recompiles hot code with profile data for a minute or more after a node starts; on 2 cores that costs up to half a core
/// per node, so a measurement taken then shows start-up, not the running system.
/// </summary>
internal static class JitSettling
{
    private const string JitSeconds = "dotnet_jit_compilation_seconds_total";

    /// <summary>JIT time per poll below which a node counts as settled.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    /// <summary>Polls every <paramref name="poll"/> (after <paramref name="min"/>) until every node's JIT time grew by less than <see cref="Quiet"/> in two polls in a row, or <paramref name="max"/> passed; returns the time taken and whether the nodes settled.</summary>
    public static async Task<(TimeSpan Took, bool Settled)> WaitAsync(IReadOnlyList<ClusterNode> nodes, TimeSpan min, TimeSpan max, TimeSpan poll)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(min);
        var last = await SampleAsync(nodes);
        int quietPolls = 0;
        while (clock.Elapsed < max)
        {
            await Task.Delay(poll);
            var now = await SampleAsync(nodes);
            bool quiet = now.Zip(last, (n, l) => n - l).All(d => d < Quiet.TotalSeconds);
            quietPolls = quiet ? quietPolls + 1 : 0;
            last = now;
            if (quietPolls >= 2) { return (clock.Elapsed, true); }
        }

        return (clock.Elapsed, false);
    }

    /// <summary>Seconds each node has spent in the JIT since it started.</summary>
    public static async Task<double[]> SampleAsync(IReadOnlyList<ClusterNode> nodes) =>
        await Task.WhenAll(nodes.Select(async n =>
        {
            using var client = ClusterViewClient.For(n);
            return ReadMetric(await client.GetMetricsTextAsync(n), JitSeconds);
        }));

    /// <summary>"a=12 ms, b=3 ms": JIT time per node between two samples.</summary>
    public static string Describe(IReadOnlyList<ClusterNode> nodes, double[] before, double[] after) =>
        string.Join(", ", nodes.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n.Name}={1000 * (after[i] - before[i]):F0} ms")));

    /// <summary>The sum of a metric's samples in Prometheus text (all label sets).</summary>
    public static double ReadMetric(string prometheusText, string metric) =>
        prometheusText.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
