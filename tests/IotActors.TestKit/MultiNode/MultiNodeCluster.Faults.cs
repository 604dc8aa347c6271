using System.Net;

namespace IotActors.TestKit.MultiNode;

/// <summary>Network faults: partitions, link down, packet loss and latency.</summary>
public sealed partial class MultiNodeCluster
{
    private readonly Dictionary<ClusterNode, HashSet<IPAddress>> _blocked = [];

    /// <summary>Partitions the nodes into <paramref name="sides"/>: every node drops all traffic to and from nodes of the other sides.</summary>
    /// <remarks>Adds to existing partitions; nodes in no side keep talking to everyone. Takes effect at once (nftables in each namespace).</remarks>
    public Task PartitionAsync(params IReadOnlyCollection<ClusterNode>[] sides)
    {
        Capabilities.Require(MultiNodeCapability.Partitions);
        if (sides.Length < 2) throw new ArgumentException("a partition needs at least two sides", nameof(sides));
        var all = sides.SelectMany(s => s).ToList();
        if (all.Count != all.Distinct().Count()) throw new ArgumentException("a node is on more than one side of the partition", nameof(sides));
        foreach (ClusterNode node in all) RequireOwn(node);

        for (int i = 0; i < sides.Length; i++)
        {
            var others = sides.Where((_, j) => j != i).SelectMany(s => s).Select(n => n.Address).ToList();
            foreach (ClusterNode node in sides[i])
            {
                if (!_blocked.TryGetValue(node, out var blocked)) _blocked[node] = blocked = [];
                blocked.UnionWith(others);
                _network.ApplyBlocks(node.Index, blocked);
            }
        }
        Info($"partitioned {string.Join(" | ", sides.Select(s => string.Join(",", s.Select(n => n.Name))))}");
        return Task.CompletedTask;
    }

    /// <summary>Removes every partition.</summary>
    public Task HealAsync()
    {
        foreach (ClusterNode node in _blocked.Keys) _network.ApplyBlocks(node.Index, []);
        if (_blocked.Count > 0) Info("healed all partitions");
        _blocked.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Takes <paramref name="node"/>'s link down (as if its cable were pulled); <see cref="ReconnectAsync"/> brings it back.</summary>
    public Task DisconnectAsync(ClusterNode node)
    {
        Capabilities.Require(MultiNodeCapability.LinkDown);
        RequireOwn(node);
        _network.SetLinkUp(node.Index, up: false);
        Info($"link of {node.Name} down");
        return Task.CompletedTask;
    }

    /// <summary>Brings <paramref name="node"/>'s link back up.</summary>
    public Task ReconnectAsync(ClusterNode node)
    {
        Capabilities.Require(MultiNodeCapability.LinkDown);
        RequireOwn(node);
        _network.SetLinkUp(node.Index, up: true);
        Info($"link of {node.Name} up");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Degrades the links of <paramref name="nodes"/>: each packet entering or leaving them is dropped with probability
    /// <paramref name="loss"/> (nftables), and latency uniform in <paramref name="delay"/> is added by the kernel's netem when
    /// present, else by the node setting iotactors.remote.fault-injection.delay, which running nodes pick up at their next restart.
    /// </summary>
    public Task<DegradeReport> DegradeAsync(IEnumerable<ClusterNode> nodes, double loss = 0, (TimeSpan Min, TimeSpan Max)? delay = null)
    {
        if (loss is < 0 or > 1 || double.IsNaN(loss)) throw new ArgumentOutOfRangeException(nameof(loss), loss, "loss is a probability in 0..1");
        if (delay is { } d && (d.Min < TimeSpan.Zero || d.Max < d.Min))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "delay needs 0 <= Min <= Max");
        }
        var targets = nodes.ToList();
        foreach (ClusterNode node in targets) RequireOwn(node);
        if (loss > 0) Capabilities.Require(MultiNodeCapability.PacketLoss);

        foreach (ClusterNode node in targets) if (loss > 0) _network.SetLoss(node.Index, loss);
        var mechanism = DelayMechanism.None;
        var pending = new List<string>();
        if (delay is { } range && range.Max > TimeSpan.Zero)
        {
            if (Capabilities.Supports(MultiNodeCapability.KernelLatency))
            {
                mechanism = DelayMechanism.KernelNetem;
                foreach (ClusterNode node in targets) _network.SetKernelDelay(node.Index, range.Min, range.Max);
            }
            else
            {
                mechanism = DelayMechanism.NodeSetting;
                foreach (ClusterNode node in targets)
                {
                    node.Settings[NodeSettingKeys.FaultInjectionDelay] = $"{Ms(range.Min)}-{Ms(range.Max)}";
                    if (node.State is NodeProcessState.Running or NodeProcessState.Paused) pending.Add(node.Name);
                }
            }
        }

        string names = string.Join(",", targets.Select(n => n.Name));
        string description = $"degraded {names}: loss {loss:P1} via {(loss > 0 ? "nftables" : "nothing")}; delay "
            + mechanism switch
            {
                DelayMechanism.KernelNetem => $"{Ms(delay!.Value.Min)}-{Ms(delay.Value.Max)} via kernel netem",
                DelayMechanism.NodeSetting => $"{Ms(delay!.Value.Min)}-{Ms(delay.Value.Max)} via node setting {NodeSettingKeys.FaultInjectionDelay} "
                    + $"(kernel latency unavailable: {Capabilities.WhyUnavailable(MultiNodeCapability.KernelLatency)})"
                    + (pending.Count > 0 ? $"; takes effect after restarting {string.Join(",", pending)}" : ""),
                _ => "none",
            };
        Info(description);
        return Task.FromResult(new DegradeReport(loss, mechanism, pending, description));
    }

    /// <summary>Removes loss, kernel latency and the delay setting from <paramref name="nodes"/>.</summary>
    public Task RestoreLinksAsync(IEnumerable<ClusterNode> nodes)
    {
        foreach (ClusterNode node in nodes)
        {
            RequireOwn(node);
            if (Capabilities.Supports(MultiNodeCapability.PacketLoss)) _network.SetLoss(node.Index, 0);
            if (Capabilities.Supports(MultiNodeCapability.KernelLatency)) _network.SetKernelDelay(node.Index, TimeSpan.Zero, TimeSpan.Zero);
            node.Settings.Remove(NodeSettingKeys.FaultInjectionDelay);
            Info($"restored links of {node.Name}");
        }
        return Task.CompletedTask;
    }

    /// <summary>The nftables ruleset inside <paramref name="node"/>'s namespace (partition and loss tables), for assertions and debugging.</summary>
    public string NftRuleset(ClusterNode node)
    {
        Capabilities.Require(MultiNodeCapability.Partitions);
        RequireOwn(node);
        return ((NamespaceNetwork)_network).Ruleset(node.Index);
    }

    private void RequireOwn(ClusterNode node)
    {
        if (!_nodes.Contains(node)) throw new ArgumentException($"node {node.Name} does not belong to run {RunId}", nameof(node));
    }
}
