using System.Globalization;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>Samples VmRSS from /proc/&lt;pid&gt;/status of every running node, per process incarnation.</summary>
internal sealed class RssSampler
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Node, int Pid), List<(TimeSpan At, long KiB)>> _samples = [];

    /// <summary>One sample of every node that has a live process now.</summary>
    public void Sample(IEnumerable<ClusterNode> nodes, TimeSpan at)
    {
        foreach (var node in nodes)
        {
            if (node.Pid is not { } pid || node.State is not NodeProcessState.Running || ReadRssKiB(pid) is not { } kib) continue;
            lock (_gate)
            {
                if (!_samples.TryGetValue((node.Name, pid), out var list)) _samples[(node.Name, pid)] = list = [];
                list.Add((at, kib));
            }
        }
    }

    /// <summary>VmRSS of <paramref name="pid"/> in KiB, or null when the process is gone.</summary>
    public static long? ReadRssKiB(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited between the check and the read.
        }
        return null;
    }

    /// <summary>
    /// Violations of the memory bounds: the last sample of each node's current process is below <paramref name="limitMiB"/>, and a
    /// process that lived long enough did not grow beyond <paramref name="factor"/> times its RSS after a 30 s warm-up.
    /// </summary>
    public IReadOnlyList<string> Check(IEnumerable<ClusterNode> survivors, long limitMiB, double factor)
    {
        var problems = new List<string>();
        lock (_gate)
        {
            foreach (var node in survivors)
            {
                if (node.Pid is not { } pid || !_samples.TryGetValue((node.Name, pid), out var list) || list.Count == 0)
                {
                    problems.Add($"{node.Name}: no RSS sample of its current process (pid {node.Pid})");
                    continue;
                }
                long last = list[^1].KiB;
                if (last > limitMiB * 1024) problems.Add($"{node.Name} pid {pid}: final RSS {last / 1024} MiB above the bound of {limitMiB} MiB");
                var warm = list.Where(s => s.At - list[0].At >= TimeSpan.FromSeconds(30)).ToList();
                if (warm.Count >= 3 && last > warm[0].KiB * factor)
                {
                    problems.Add($"{node.Name} pid {pid}: RSS grew from {warm[0].KiB / 1024} MiB (30 s after start) to {last / 1024} MiB, more than x{factor}");
                }
            }
        }
        return problems;
    }

    /// <summary>Per node process: first, peak and last RSS in MiB.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return string.Join("\n", _samples.Select(kv =>
                $"  {kv.Key.Node} pid {kv.Key.Pid}: {kv.Value.Count} samples, first {kv.Value[0].KiB / 1024} MiB, peak {kv.Value.Max(s => s.KiB) / 1024} MiB, last {kv.Value[^1].KiB / 1024} MiB"));
        }
    }
}
