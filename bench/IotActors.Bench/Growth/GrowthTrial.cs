using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IotActors.Bench.Cluster;
using IotActors.Bench.E2e;
using IotActors.TestKit.MultiNode;
using Microsoft.Data.Sqlite;

namespace IotActors.Bench.Growth;

/// <summary>One cost-growth configuration: <see cref="Nodes"/> node processes with <see cref="DevicesPerNode"/> simulated sensors each.</summary>
internal sealed record GrowthConfig(int Nodes, int DevicesPerNode);

/// <summary>What the sweep holds fixed: the sensor kind, its readings per sample, the warm-up and the measured window.</summary>
internal sealed record GrowthSettings(string Kind, int ReadingsPerSample, int WarmupSeconds, int Seconds)
{
    /// <summary>Read period of every simulated sensor.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>Readings per second the sensors of <paramref name="config"/> offer (every sample yields <see cref="ReadingsPerSample"/> readings).</summary>
    public double Offered(GrowthConfig config) => config.Nodes * config.DevicesPerNode * ReadingsPerSample / Period.TotalSeconds;
}

/// <summary>The figures of one configuration; per-node lists are in node order, <see cref="NetBytesPerSecond"/> is empty on loopback.
/// <see cref="ReadingsPerSecond"/> counts rows added during the window; <see cref="SampledPerSecond"/> rows whose source time lies in the window
/// (counted after a short drain), so a gap between the two is history write lag and a gap to <see cref="Offered"/> is sensors reading late.</summary>
internal sealed record GrowthResult(GrowthConfig Config, string Mode, double UpSeconds, double MeasuredSeconds, double Offered, double ReadingsPerSecond,
    double SampledPerSecond, IReadOnlyList<double> CpuPercent, IReadOnlyList<double> RssMb, IReadOnlyList<double> NetBytesPerSecond, long HistoryDropped);

/// <summary>
/// Starts one cluster of real node processes on the multi-node harness (namespaces when root, else loopback), waits until all are Up
/// and every node stores readings, lets it warm up, then measures for a fixed window: readings stored per second (rows added to every
/// node's history.db), CPU % of a core and mean VmRSS per node (/proc), and interface bytes per node (namespaces only).
/// </summary>
internal static partial class GrowthTrial
{
    /// <summary>How long after the window readings sampled in it may still reach the history store to count as sampled in it.</summary>
    private static readonly TimeSpan SampledDrain = TimeSpan.FromSeconds(2);

    public static async Task<GrowthResult> RunAsync(GrowthConfig config, GrowthSettings settings, int seed)
    {
        await using var cluster = MultiNodeCluster.Create(new MultiNodeOptions { Seed = Environment.TickCount ^ seed, LogRingCapacity = 1000 });
        try
        {
            var nodes = new List<ClusterNode>();
            for (int i = 1; i <= config.Nodes; i++)
            {
                var node = cluster.AddNode($"n{i}");
                File.AppendAllText(node.ConfigPath, NodeConfig(i, config.DevicesPerNode, settings.Kind));
                nodes.Add(node);
            }
            var clock = Stopwatch.StartNew();
            foreach (var node in nodes) { node.Start(); }
            await ClusterProbe.WaitAllUpAsync(nodes, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(90));
            await ClusterProbe.WaitAsync(() => Task.FromResult(nodes.All(n => TryCountRows(n) > 0)), TimeSpan.FromSeconds(60),
                "readings in every node's history", TimeSpan.FromMilliseconds(250));
            var up = clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(settings.WarmupSeconds));
            return await MeasureAsync(config, settings, cluster.Mode, nodes, up);
        }
        catch
        {
            Console.Error.WriteLine(cluster.LogTails(15));
            throw;
        }
    }

    /// <summary>The node's roles and devices, appended to the harness's generated config: n1 is desktop-like (controller + dashboard) and every node has sensors.</summary>
    internal static string NodeConfig(int index, int devices, string kind)
    {
        var sb = new StringBuilder();
        sb.Append("\n# cost-growth benchmark (bench growth)\niotactors {\n");
        sb.Append(index == 1 ? "  node.roles = [controller, sensor, dashboard]\n" : "  node.roles = [sensor]\n");
        sb.Append("  api.enabled = on\n  devices = [\n");
        for (int d = 1; d <= devices; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    {{ id = n{index}-d{d:D4}, kind = {kind}, period = {GrowthSettings.Period.TotalSeconds:0.###}s }}{(d < devices ? "," : "")}\n");
        }
        sb.Append("  ]\n}\n");
        return sb.ToString();
    }

    private static async Task<GrowthResult> MeasureAsync(GrowthConfig config, GrowthSettings settings, HarnessMode mode, List<ClusterNode> nodes, double up)
    {
        bool namespaces = mode == HarnessMode.Namespaces;
        var pids = nodes.Select(n => n.Pid!.Value).ToList();
        var rowsBefore = nodes.Select(CountRows).ToList();
        var cpuBefore = pids.Select(ProcStat.CpuTicks).ToList();
        var netBefore = namespaces ? pids.Select(p => ProcStat.NetBytes(p)).ToList() : [];
        var from = DateTimeOffset.UtcNow;
        var window = Stopwatch.StartNew();
        var rss = pids.Select(_ => new List<double>()).ToList();
        var length = TimeSpan.FromSeconds(settings.Seconds);
        while (true)
        {
            for (int i = 0; i < pids.Count; i++) { rss[i].Add(ProcStat.RssBytes(pids[i]) / 1048576.0); }
            var left = length - window.Elapsed;
            if (left <= TimeSpan.Zero) { break; }
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
        var seconds = window.Elapsed.TotalSeconds;
        var cpu = pids.Select((p, i) => (ProcStat.CpuTicks(p) - cpuBefore[i]) / ProcStat.TicksPerSecond / seconds * 100).ToList();
        var net = namespaces ? pids.Select((p, i) => (ProcStat.NetBytes(p) - netBefore[i]) / seconds).ToList() : [];
        var rows = nodes.Select((n, i) => CountRows(n) - rowsBefore[i]).Sum();
        var to = from + window.Elapsed;
        await Task.Delay(SampledDrain);
        var sampled = nodes.Sum(n => HistoryRows.CountSampled(HistoryDb(n), from, to)) / (to - from).TotalSeconds;
        return new GrowthResult(config, mode.ToString(), up, seconds, settings.Offered(config), rows / seconds, sampled, cpu,
            [.. rss.Select(s => s.Average())], net, nodes.Sum(HistoryDropped));
    }

    private static string HistoryDb(ClusterNode node) => Path.Combine(node.DataDirectory, "history.db");

    private static long CountRows(ClusterNode node) => HistoryRows.Count(HistoryDb(node));

    /// <summary>Rows in the node's history, or 0 while the file or its table does not exist yet.</summary>
    private static long TryCountRows(ClusterNode node)
    {
        try
        {
            return File.Exists(HistoryDb(node)) ? CountRows(node) : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    /// <summary>Readings the node's history store dropped since start, from its "readings are being dropped (N so far)" log lines (logged at powers of two, so a lower bound).</summary>
    private static long HistoryDropped(ClusterNode node)
    {
        if (!File.Exists(node.Log.FilePath)) { return 0; }
        long dropped = 0;
        using var stream = new FileStream(node.Log.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (DroppedPattern().Match(line) is { Success: true } m) { dropped = Math.Max(dropped, long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)); }
        }
        return dropped;
    }

    [GeneratedRegex(@"readings are being dropped \((\d+) so far\)")]
    private static partial Regex DroppedPattern();
}
