using System.Diagnostics;
using System.Globalization;
using IotActors.Bench.Report;
using IotActors.Devices.Configuration;
using IotActors.Devices.Simulation;

namespace IotActors.Bench.Growth;

/// <summary>
/// <c>growth --nodes 1,3,5,10 --devices 1,10,100,1000 --seconds 10</c> (issue #11, cost growth): real node processes on the multi-node
/// harness, every node with D simulated sensors read once a second. Two sweeps: the node counts at <c>--devices-at</c> (10) devices per
/// node, and the devices per node at <c>--nodes-at</c> (3) nodes; a configuration in both sweeps runs once. Per configuration: readings
/// stored per second by the whole cluster (rows added to the nodes' history stores) against the offered load, mean CPU % of a core, mean
/// RSS and mean interface bytes/s per node. Ends with one <c>growth-nodes-N:</c> / <c>growth-devices-D:</c> line per point for the report.
/// </summary>
internal sealed class GrowthCommand : IBenchCommand
{
    public string Name => "growth";

    public string Usage => "[--nodes 1,3,5,10] [--devices 1,10,100,1000] [--devices-at 10] [--nodes-at 3] [--seconds 10] [--warmup 20] [--kind simulated-power]: throughput, CPU, RSS and bytes per node as nodes and devices grow";

    public async Task<int> RunAsync(string[] args)
    {
        var nodeCounts = CommandArgs.IntList(args, "--nodes", [1, 3, 5, 10]);
        var deviceCounts = CommandArgs.IntList(args, "--devices", [1, 10, 100, 1000]);
        int devicesAt = CommandArgs.Int(args, "--devices-at", 10);
        int nodesAt = CommandArgs.Int(args, "--nodes-at", 3);
        var kind = OptionArgs.Get(args, "--kind") ?? "simulated-power";
        if (!kind.StartsWith(DeviceKinds.SimulatedPrefix, StringComparison.Ordinal) || !SimulatedSensorDriver.Models.Contains(kind[DeviceKinds.SimulatedPrefix.Length..]))
        {
            Console.Error.WriteLine($"growth: --kind must be one of {string.Join(", ", SimulatedSensorDriver.Models.Select(m => DeviceKinds.SimulatedPrefix + m))}");
            return 2;
        }
        var settings = new GrowthSettings(kind, ReadingsPerSample(kind), CommandArgs.Int(args, "--warmup", 20), CommandArgs.Int(args, "--seconds", 10));

        var nodeSweep = nodeCounts.Select(n => new GrowthConfig(n, devicesAt)).ToList();
        var deviceSweep = deviceCounts.Select(d => new GrowthConfig(nodesAt, d)).ToList();
        var configs = nodeSweep.Concat(deviceSweep).Distinct().ToList();
        Console.WriteLine(Inv($"growth: {configs.Count} configurations; nodes {string.Join(",", nodeCounts)} at {devicesAt} devices/node, devices/node {string.Join(",", deviceCounts)} at {nodesAt} nodes"));
        Console.WriteLine(Inv($"every device: {kind}, period {GrowthSettings.Period.TotalSeconds:0.###} s, {settings.ReadingsPerSample} reading(s) per sample; n1 roles controller+sensor+dashboard, other nodes sensor; measured {settings.Seconds} s after {settings.WarmupSeconds} s warm-up"));

        var results = new Dictionary<GrowthConfig, GrowthResult>();
        var failures = new Dictionary<GrowthConfig, string>();
        var total = Stopwatch.StartNew();
        for (int i = 0; i < configs.Count; i++)
        {
            var config = configs[i];
            var started = total.Elapsed;
            try
            {
                var r = await GrowthTrial.RunAsync(config, settings, 7919 * (i + 1));
                results[config] = r;
                Console.WriteLine(Describe(r, (total.Elapsed - started).TotalSeconds));
            }
            catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or HttpRequestException
                                           or Microsoft.Data.Sqlite.SqliteException or IotActors.TestKit.MultiNode.MultiNodeHarnessException or System.ComponentModel.Win32Exception)
            {
                failures[config] = e.Message;
                Console.WriteLine(Inv($"nodes={config.Nodes} devices/node={config.DevicesPerNode}: FAILED after {(total.Elapsed - started).TotalSeconds:0} s: {e.GetType().Name}: {e.Message}"));
            }
        }

        Console.WriteLine(Inv($"growth: {results.Count} of {configs.Count} configurations measured in {total.Elapsed.TotalSeconds:0} s; loadavg {string.Join(' ', BenchResult.ReadLoadAverage())}"));
        foreach (var c in nodeSweep) { Console.WriteLine(Summary($"growth-nodes-{c.Nodes}", c, results, failures)); }
        foreach (var c in deviceSweep) { Console.WriteLine(Summary($"growth-devices-{c.DevicesPerNode}", c, results, failures)); }
        if (failures.Count > 0)
        {
            Console.WriteLine($"growth: {failures.Count} configuration(s) failed: {string.Join("; ", failures.Select(f => Inv($"{f.Key.Nodes} nodes x {f.Key.DevicesPerNode} devices: {f.Value}")))}");
        }
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Readings one sample of <paramref name="kind"/> yields (one per metric: 1 for power, 2 for temperature + humidity).</summary>
    private static int ReadingsPerSample(string kind) =>
        SimulatedSensorDriver.Create("probe", kind[DeviceKinds.SimulatedPrefix.Length..], seed: 1).Read().Values.Count;

    private static string Describe(GrowthResult r, double tookSeconds) => string.Join("; ",
        Inv($"nodes={r.Config.Nodes} devices/node={r.Config.DevicesPerNode} ({r.Mode}): all Up and storing after {r.UpSeconds:0.0} s"),
        Inv($"{r.ReadingsPerSecond:0.0} readings/s stored of {r.Offered:0} offered ({100 * r.ReadingsPerSecond / r.Offered:0.0} %) over {r.MeasuredSeconds:0.0} s, {r.SampledPerSecond:0.0}/s sampled in the window"),
        Inv($"cpu/node mean {r.CpuPercent.Average():0.00} % (max {r.CpuPercent.Max():0.00} %, cluster {r.CpuPercent.Sum():0.0} %) of a core"),
        Inv($"rss/node mean {r.RssMb.Average():0.0} MB (max {r.RssMb.Max():0.0})"),
        r.NetBytesPerSecond.Count == 0 ? "net/node n/a (loopback)" : Inv($"net/node mean {r.NetBytesPerSecond.Average():0} B/s (max {r.NetBytesPerSecond.Max():0})"),
        r.HistoryDropped == 0 ? "history dropped 0" : Inv($"history dropped >= {r.HistoryDropped}"),
        Inv($"took {tookSeconds:0} s"));

    private static string Summary(string name, GrowthConfig c, Dictionary<GrowthConfig, GrowthResult> results, Dictionary<GrowthConfig, string> failures)
    {
        if (!results.TryGetValue(c, out var r)) { return $"{name}: failed ({failures.GetValueOrDefault(c, "not run")})"; }
        var net = r.NetBytesPerSecond.Count == 0 ? "n/a" : Inv($"{r.NetBytesPerSecond.Average():0}");
        return Inv($"{name}: {r.ReadingsPerSecond:0.0} readings/s (offered {r.Offered:0}, sampled {r.SampledPerSecond:0.0}), {r.CpuPercent.Average():0.00} %cpu/node, {r.RssMb.Average():0.0} MB/node, {net} B/s/node ({c.Nodes} nodes x {c.DevicesPerNode} devices)");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
