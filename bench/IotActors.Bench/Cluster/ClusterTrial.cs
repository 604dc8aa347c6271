using System.Diagnostics;
using IotActors.TestKit.MultiNode;

namespace IotActors.Bench.Cluster;

/// <summary>One trial of the cluster benchmark on a fresh multi-node harness run.</summary>
internal static class ClusterTrial
{
    public sealed record Result(string Mode, double FormationMs, List<double> DetectionMs, double FailoverMs,
        List<double> IdleCpuPercent, List<double> IdleBytesPerSecond, long FalsePositives);

    public static async Task<Result> RunAsync(int count, int idleSeconds, int seed)
    {
        await using var cluster = MultiNodeCluster.Create(new MultiNodeOptions { Seed = Environment.TickCount ^ seed });
        try
        {
            return await MeasureAsync(cluster, count, idleSeconds);
        }
        catch
        {
            Console.Error.WriteLine(cluster.LogTails(15));
            throw;
        }
    }

    private static async Task<Result> MeasureAsync(MultiNodeCluster cluster, int count, int idleSeconds)
    {
        var nodes = cluster.StartNodes(count);
        await WaitAsync(async () => (await Views(nodes)).All(v => v is not null), TimeSpan.FromSeconds(90));
        var clock = Stopwatch.StartNew();
        await WaitAsync(() => AllUp(nodes, nodes), TimeSpan.FromSeconds(60));
        var formation = clock.Elapsed.TotalMilliseconds;

        // Idle: nobody polls the APIs; sample CPU and interface bytes of every node.
        var cpuBefore = nodes.Select(n => CpuTicks(n.Pid!.Value)).ToList();
        var netBefore = nodes.Select(n => NetBytes(n.Pid!.Value, cluster.Mode)).ToList();
        var idle = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var seconds = idle.Elapsed.TotalSeconds;
        var cpu = nodes.Select((n, i) => (CpuTicks(n.Pid!.Value) - cpuBefore[i]) / 100.0 / seconds * 100).ToList();
        var bytes = cluster.Mode == HarnessMode.Namespaces
            ? nodes.Select((n, i) => (NetBytes(n.Pid!.Value, cluster.Mode) - netBefore[i]) / seconds).ToList()
            : [];
        var falsePositives = nodes.Sum(n => n.Log.Lines.Count(l => l.Text.Contains("cluster event UnreachableMember", StringComparison.Ordinal)));

        var victim = nodes[^1];
        var survivors = nodes.Take(count - 1).ToList();
        var detected = new Dictionary<string, double>();
        clock.Restart();
        await victim.KillAsync();
        double failover = 0;
        await WaitAsync(async () =>
        {
            var views = await Views(survivors);
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
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        return new Result(cluster.Mode.ToString(), formation, [.. detected.Values], failover, cpu, bytes, falsePositives);
    }

    private static async Task<ClusterView?[]> Views(IEnumerable<ClusterNode> nodes) =>
        await Task.WhenAll(nodes.Select(async n =>
        {
            using var client = ClusterViewClient.For(n);
            return await client.TryGetAsync(n);
        }));

    private static async Task<bool> AllUp(IReadOnlyList<ClusterNode> observers, IReadOnlyList<ClusterNode> members)
    {
        var views = await Views(observers);
        var expected = members.Select(n => n.RemoteAddress).Order(StringComparer.Ordinal).ToList();
        return views.All(v => v is not null && v.UpMembers.Order(StringComparer.Ordinal).SequenceEqual(expected) && v.Unreachable.Count == 0)
               && views.Select(v => v!.Leader).Distinct().Count() == 1;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan deadline, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"condition not met within {deadline}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>utime + stime of a process in clock ticks (USER_HZ = 100).</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Received plus sent bytes of eth0 in the process's network namespace (namespaces mode only).</summary>
    private static long NetBytes(int pid, HarnessMode mode)
    {
        if (mode != HarnessMode.Namespaces) return 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/net/dev"))
        {
            var t = line.Trim();
            if (!t.StartsWith("eth0:", StringComparison.Ordinal)) continue;
            var f = t[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture);
        }
        return 0;
    }
}
