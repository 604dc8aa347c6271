using System.Diagnostics;
using IotActors.Bench.NodeRuntime;
using IotActors.TestKit.MultiNode;

namespace IotActors.Bench.Cluster;

/// <summary>One trial of the cluster benchmark on a fresh multi-node harness run.</summary>
internal static class ClusterTrial
{
    public sealed record Result(string Mode, double FormationMs, List<double> DetectionMs, double FailoverMs,
        List<double> IdleCpuPercent, List<double> IdleBytesPerSecond, long FalsePositives);

    public static async Task<Result> RunAsync(int count, int idleSeconds, int seed, int settleSeconds = 0)
    {
        await using var cluster = MultiNodeCluster.Create(new MultiNodeOptions { Seed = Environment.TickCount ^ seed });
        try
        {
            return await MeasureAsync(cluster, count, idleSeconds, settleSeconds);
        }
        catch
        {
            Console.Error.WriteLine(cluster.LogTails(15));
            throw;
        }
    }

    private static async Task<Result> MeasureAsync(MultiNodeCluster cluster, int count, int idleSeconds, int settleSeconds)
    {
        var nodes = cluster.StartNodes(count);
        var formation = (await ClusterProbe.WaitAllUpAsync(nodes, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(60))).TotalMilliseconds;

        // Start-up work (JIT tiering, first connections) dominates the first minute after formation; idle is measured after it:
        // at least settleSeconds and until no node is busy in the JIT.
        var settled = await JitSettling.WaitAsync(nodes, TimeSpan.FromSeconds(settleSeconds), TimeSpan.FromSeconds(Math.Max(settleSeconds, 150)), TimeSpan.FromSeconds(2));
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  idle measured {settled.Took.TotalSeconds:0} s after formation ({(settled.Settled ? "JIT settled" : "JIT still busy at the cap")})"));
        var jitBefore = await JitSettling.SampleAsync(nodes);

        // Idle: nobody polls the APIs; sample CPU and interface bytes of every node.
        var cpuBefore = nodes.Select(n => ProcStat.CpuTicks(n.Pid!.Value)).ToList();
        var netBefore = nodes.Select(n => NetBytes(n, cluster.Mode)).ToList();
        var idle = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var seconds = idle.Elapsed.TotalSeconds;
        var cpu = nodes.Select((n, i) => (ProcStat.CpuTicks(n.Pid!.Value) - cpuBefore[i]) / ProcStat.TicksPerSecond / seconds * 100).ToList();
        var bytes = cluster.Mode == HarnessMode.Namespaces
            ? nodes.Select((n, i) => (NetBytes(n, cluster.Mode) - netBefore[i]) / seconds).ToList()
            : [];
        Console.WriteLine($"  JIT time while idle: {JitSettling.Describe(nodes, jitBefore, await JitSettling.SampleAsync(nodes))}");
        var falsePositives = nodes.Sum(n => n.Log.Lines.Count(l => l.Text.Contains("cluster event UnreachableMember", StringComparison.Ordinal)));

        var victim = nodes[^1];
        var survivors = nodes.Take(count - 1).ToList();
        var detected = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        await victim.KillAsync();
        double failover = 0;
        await ClusterProbe.WaitAsync(async () =>
        {
            var views = await ClusterProbe.Views(survivors);
            for (int i = 0; i < survivors.Count; i++)
            {
                var member = views[i]?.Members.FirstOrDefault(m => m.Address == victim.RemoteAddress);
                if (views[i] is not null && (member is null || !member.Reachable)) detected.TryAdd(survivors[i].Name, clock.Elapsed.TotalMilliseconds);
            }
            if (views.All(v => v is not null && v.Members.All(m => m.Address != victim.RemoteAddress)))
            {
                failover = clock.Elapsed.TotalMilliseconds;
                return true;
            }
            return false;
        }, TimeSpan.FromSeconds(60), "the killed node removed on every survivor", TimeSpan.FromMilliseconds(100));
        return new Result(cluster.Mode.ToString(), formation, [.. detected.Values], failover, cpu, bytes, falsePositives);
    }

    /// <summary>Interface bytes of a node in its own namespace; loopback nodes share the host's interfaces, so 0 there.</summary>
    private static long NetBytes(ClusterNode node, HarnessMode mode) => mode == HarnessMode.Namespaces ? ProcStat.NetBytes(node.Pid!.Value) : 0;
}
