using System.Diagnostics;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>Plays a <see cref="SoakSchedule"/> against the harness nodes, in schedule order, and remembers which exits it caused.</summary>
internal sealed class FaultRunner(MultiNodeCluster cluster, IReadOnlyList<ClusterNode> nodes, Action<string> log)
{
    private readonly List<SoakFault> _partitions = [];
    private readonly object _gate = new();
    private readonly HashSet<ClusterNode> _expectedDown = [];

    /// <summary>Nodes whose running process still carries a fault-injection delay (cleared by a restart at heal time).</summary>
    public HashSet<ClusterNode> LingeringDelay { get; } = [];

    /// <summary>Whether <paramref name="node"/> is down because the schedule stopped or killed it.</summary>
    public bool ExpectedDown(ClusterNode node)
    {
        lock (_gate) return _expectedDown.Contains(node);
    }

    /// <summary>Begins and ends each fault at its time on <paramref name="clock"/>.</summary>
    public async Task RunAsync(IReadOnlyList<SoakFault> faults, Stopwatch clock, CancellationToken stop)
    {
        var actions = faults.SelectMany(f => new[] { (At: f.At, Begin: true, Fault: f), (At: f.End, Begin: false, Fault: f) })
            .OrderBy(a => a.At).ThenBy(a => a.Begin).ToList();
        foreach (var (at, begin, fault) in actions)
        {
            var wait = at - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stop).ConfigureAwait(false);
            log($"[soak {clock.Elapsed.TotalSeconds:0.0}s] {(begin ? "begin" : "end")} {fault}");
            if (begin) await BeginAsync(fault).ConfigureAwait(false);
            else await EndAsync(fault).ConfigureAwait(false);
        }
    }

    /// <summary>Heals partitions and links and restarts nodes that still run with an injected delay.</summary>
    public async Task HealAllAsync()
    {
        _partitions.Clear();
        await cluster.HealAsync().ConfigureAwait(false);
        await cluster.RestoreLinksAsync(nodes).ConfigureAwait(false);
        foreach (var node in LingeringDelay.ToList())
        {
            log($"[soak] restarting {node.Name} to clear its injected delay");
            await RestartGracefullyAsync(node).ConfigureAwait(false);
        }
        LingeringDelay.Clear();
    }

    private IReadOnlyList<ClusterNode> Victims(SoakFault fault) => fault.Victims.Select(i => nodes[i]).ToList();

    private async Task BeginAsync(SoakFault fault)
    {
        var victims = Victims(fault);
        switch (fault.Kind)
        {
            case SoakFaultKind.Kill:
                foreach (var v in victims)
                {
                    lock (_gate) _expectedDown.Add(v);
                    await v.KillAsync().ConfigureAwait(false);
                }
                break;
            case SoakFaultKind.Pause:
                foreach (var v in victims) v.Pause();
                break;
            case SoakFaultKind.Partition:
                _partitions.Add(fault);
                await cluster.PartitionAsync(victims, nodes.Except(victims).ToList()).ConfigureAwait(false);
                break;
            case SoakFaultKind.Degrade:
                var report = await cluster.DegradeAsync(victims, fault.Loss,
                    (TimeSpan.FromMilliseconds(fault.DelayMs.Min), TimeSpan.FromMilliseconds(fault.DelayMs.Max))).ConfigureAwait(false);
                foreach (var v in victims.Where(v => report.PendingRestart.Contains(v.Name)))
                {
                    await RestartGracefullyAsync(v).ConfigureAwait(false);
                }
                if (report.Delay == DelayMechanism.NodeSetting) LingeringDelay.UnionWith(victims);
                break;
        }
    }

    private async Task EndAsync(SoakFault fault)
    {
        var victims = Victims(fault);
        switch (fault.Kind)
        {
            case SoakFaultKind.Kill:
                foreach (var v in victims)
                {
                    v.Start();
                    lock (_gate) _expectedDown.Remove(v);
                }
                break;
            case SoakFaultKind.Pause:
                foreach (var v in victims) v.Resume();
                break;
            case SoakFaultKind.Partition:
                _partitions.Remove(fault);
                await cluster.HealAsync().ConfigureAwait(false);
                foreach (var other in _partitions)
                {
                    var side = Victims(other);
                    await cluster.PartitionAsync(side, nodes.Except(side).ToList()).ConfigureAwait(false);
                }
                break;
            case SoakFaultKind.Degrade:
                await cluster.RestoreLinksAsync(victims).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>SIGTERM and start again; a stop that overruns the harness's stop timeout is killed by the harness and logged.</summary>
    private async Task RestartGracefullyAsync(ClusterNode node)
    {
        lock (_gate) _expectedDown.Add(node);
        try
        {
            int code = await node.StopAsync().ConfigureAwait(false);
            if (code != 0) log($"[soak] NOTE: {node.Name} exited with {code} after SIGTERM");
        }
        catch (MultiNodeHarnessException e)
        {
            log($"[soak] NOTE: {e.Message}");
        }
        node.Start();
        lock (_gate) _expectedDown.Remove(node);
    }
}
