using System.Diagnostics;
using System.Globalization;
using IotActors.TestKit.MultiNode;

namespace IotActors.Bench.Cluster;

/// <summary>
/// <c>cluster --nodes 5 --trials 5</c>: real node processes (namespaces if available, else loopback) per trial: formation time,
/// idle CPU and network bytes per node, detection time after kill -9 (per observer) and failover (kill -9 to removed everywhere).
/// </summary>
internal sealed class ClusterBenchCommand : IBenchCommand
{
    public string Name => "cluster";

    public string Usage => "[--nodes 5] [--trials 5] [--idle-seconds 10] [--settle-seconds 30]: formation, idle CPU/bytes, detection and failover with real processes";

    public async Task<int> RunAsync(string[] args)
    {
        int nodes = CommandArgs.Int(args, "--nodes", 5);
        int trials = CommandArgs.Int(args, "--trials", 5);
        int idleSeconds = CommandArgs.Int(args, "--idle-seconds", 10);
        int settleSeconds = CommandArgs.Int(args, "--settle-seconds", 30);
        var formation = new List<double>();
        var detection = new List<double>();
        var failover = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<double>();
        long falsePositives = 0;
        for (int trial = 1; trial <= trials; trial++)
        {
            var r = await ClusterTrial.RunAsync(nodes, idleSeconds, trial, settleSeconds);
            formation.Add(r.FormationMs);
            detection.AddRange(r.DetectionMs);
            failover.Add(r.FailoverMs);
            cpu.AddRange(r.IdleCpuPercent);
            bytes.AddRange(r.IdleBytesPerSecond);
            falsePositives += r.FalsePositives;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial} ({r.Mode}): formation {r.FormationMs:0} ms; idle cpu {r.IdleCpuPercent.Average():0.00} % of a core/node; idle net {(r.IdleBytesPerSecond.Count == 0 ? "n/a" : $"{r.IdleBytesPerSecond.Average():0} B/s/node")}; detection {string.Join("/", r.DetectionMs.Select(d => d.ToString("0", CultureInfo.InvariantCulture)))} ms; failover {r.FailoverMs:0} ms; false unreachable before kill {r.FalsePositives}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nodes {nodes}, trials {trials}"));
        Console.WriteLine(Line("formation", formation));
        Console.WriteLine(Line("detection", detection));
        Console.WriteLine(Line("failover", failover));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle cpu per node: median {Percentile(cpu, 50):0.00} %, max {cpu.Max():0.00} % of one core"));
        Console.WriteLine(bytes.Count == 0
            ? "idle network per node: n/a (loopback mode has no per-node interface counters)"
            : string.Create(CultureInfo.InvariantCulture, $"idle network per node (tx+rx on its interface: gossip, heartbeats, beacons, link heartbeats): median {Percentile(bytes, 50):0} B/s, max {bytes.Max():0} B/s"));
        Console.WriteLine($"false unreachable events before the kills: {falsePositives}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster-detect-p95: {Percentile(detection, 95):0} ms"));
        return 0;
    }

    private static string Line(string what, List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: median {Percentile(values, 50):0} ms, p95 {Percentile(values, 95):0} ms, max {values.Max():0} ms (n={values.Count})");

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
