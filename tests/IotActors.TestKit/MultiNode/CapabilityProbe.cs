using System.Collections.Immutable;

namespace IotActors.TestKit.MultiNode;

/// <summary>Finds out once per test process whether namespaces, nftables and netem work here, in a throw-away namespace.</summary>
internal static class CapabilityProbe
{
    private const string LoopbackFaults = "loopback mode: every node shares the host network namespace, where the harness filters nothing";
    private static readonly object Gate = new();
    private static (string? Namespaces, string? Nft, string? Netem)? _cached;

    /// <summary>Probes (first call only) and returns why namespaces, nftables and netem are unavailable (null = available).</summary>
    public static (string? Namespaces, string? Nft, string? Netem) Probe(string runId)
    {
        lock (Gate)
        {
            return _cached ??= RunProbe(runId + "-probe");
        }
    }

    /// <summary>The capabilities of a harness running in <paramref name="mode"/>.</summary>
    public static MultiNodeCapabilities For(HarnessMode mode, string? namespacesReason, string? nftReason, string? netemReason)
    {
        var entries = ImmutableDictionary.CreateBuilder<MultiNodeCapability, string?>();
        entries[MultiNodeCapability.Broadcast] = null;
        entries[MultiNodeCapability.NodeSettingLatency] = null;
        if (mode == HarnessMode.Namespaces)
        {
            entries[MultiNodeCapability.Namespaces] = null;
            entries[MultiNodeCapability.LinkDown] = null;
            entries[MultiNodeCapability.Partitions] = nftReason;
            entries[MultiNodeCapability.PacketLoss] = nftReason;
            entries[MultiNodeCapability.KernelLatency] = netemReason;
        }
        else
        {
            entries[MultiNodeCapability.Namespaces] = namespacesReason ?? "loopback mode was requested";
            foreach (var c in new[] { MultiNodeCapability.LinkDown, MultiNodeCapability.Partitions, MultiNodeCapability.PacketLoss, MultiNodeCapability.KernelLatency })
            {
                entries[c] = LoopbackFaults;
            }
        }
        return new MultiNodeCapabilities(mode, entries.ToImmutable());
    }

    private static (string?, string?, string?) RunProbe(string ns)
    {
        if (!OperatingSystem.IsLinux()) return ("network namespaces need Linux", "needs Linux", "needs Linux");
        if (!Environment.IsPrivilegedProcess)
        {
            return ("creating network namespaces needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN)", "needs namespaces", "needs namespaces");
        }
        var add = CommandRunner.Run("ip", "netns", "add", ns);
        if (!add.Succeeded)
        {
            string why = add.ExitCode == 127 ? "iproute2 ('ip') is not installed" : $"'ip netns add' failed: {add.StandardError.Trim()}";
            return (why, "needs namespaces", "needs namespaces");
        }
        try
        {
            var nft = CommandRunner.Run("ip", ["netns", "exec", ns, "nft", "-f", "-"],
                "table inet imn_probe { chain c { type filter hook output priority 0; policy accept; numgen random mod 100 < 1 drop; }; }\n");
            string? nftReason = nft.Succeeded ? null
                : nft.StandardError.Contains("No such file", StringComparison.Ordinal) || nft.ExitCode == 127 ? "nftables ('nft') is not installed"
                : $"nftables rules cannot be installed: {nft.StandardError.Trim()}";
            CommandRunner.Run("ip", "-n", ns, "link", "set", "lo", "up");
            var netem = CommandRunner.Run("tc", "-n", ns, "qdisc", "add", "dev", "lo", "root", "netem", "delay", "1ms");
            string? netemReason = netem.Succeeded ? null
                : $"the kernel has no sch_netem ('tc qdisc add ... netem': {netem.StandardError.Trim()}); latency goes through the node setting "
                  + $"{NodeSettingKeys.FaultInjectionDelay} at the node's next start instead";
            return (null, nftReason, netemReason);
        }
        finally
        {
            CommandRunner.Run("ip", "netns", "del", ns);
        }
    }
}
