using System.Globalization;
using System.Net;
using System.Text;

namespace IotActors.TestKit.MultiNode;

/// <summary>
/// One Linux bridge (no address in the host namespace, host netfilter off) and one network namespace per node, joined by a
/// veth pair, on a private 10.2xx.y.0/24. Faults are nftables tables and tc qdiscs inside the node's namespace.
/// </summary>
internal sealed class NamespaceNetwork : INodeNetwork
{
    private const string PartitionTable = "imn_partition";
    private const string LossTable = "imn_loss";
    private const string Interface = "eth0";
    private readonly string _runId;
    private readonly byte _second;
    private readonly byte _third;
    private readonly HashSet<int> _nodes = [];

    private NamespaceNetwork(string runId, byte second, byte third)
    {
        _runId = runId;
        _second = second;
        _third = third;
    }

    public HarnessMode Mode => HarnessMode.Namespaces;

    public string Bridge => _runId + "-br";

    public string Subnet => $"10.{_second}.{_third}.0/24";

    public IPAddress BroadcastAddress => new([10, _second, _third, 255]);

    /// <summary>Creates the run's bridge; node namespaces are added with <see cref="AddNode"/>.</summary>
    public static NamespaceNetwork Create(string runId, Random random)
    {
        var network = new NamespaceNetwork(runId, (byte)random.Next(200, 250), (byte)random.Next(0, 256));
        // Bridged frames must not traverse the host's iptables/nftables (br_netfilter), whatever its policy.
        CommandRunner.RunChecked("ip", "link", "add", network.Bridge, "type", "bridge",
            "nf_call_iptables", "0", "nf_call_ip6tables", "0", "nf_call_arptables", "0");
        DisableIpv6(network.Bridge);
        CommandRunner.RunChecked("ip", "link", "set", network.Bridge, "up");
        return network;
    }

    public IPAddress AddressOf(int index) => new([10, _second, _third, (byte)index]);

    public string? NamespaceOf(int index) => $"{_runId}-n{index}";

    public void AddNode(int index)
    {
        if (index is < 1 or > 254) throw new MultiNodeHarnessException($"node index {index} is outside 1..254");
        if (!_nodes.Add(index)) return;
        string ns = NamespaceOf(index)!;
        string host = HostLink(index);
        string peer = $"{_runId}-p{index}";
        CommandRunner.RunChecked("ip", "netns", "add", ns);
        CommandRunner.RunChecked("ip", "link", "add", host, "type", "veth", "peer", "name", peer);
        DisableIpv6(host);
        CommandRunner.RunChecked("ip", "link", "set", peer, "netns", ns);
        CommandRunner.RunChecked("ip", "link", "set", host, "master", Bridge, "up");
        CommandRunner.RunChecked("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
        CommandRunner.RunChecked("ip", "-n", ns, "link", "set", peer, "name", Interface);
        CommandRunner.RunChecked("ip", "-n", ns, "addr", "add", $"{AddressOf(index)}/24", "broadcast", BroadcastAddress.ToString(), "dev", Interface);
        CommandRunner.RunChecked("ip", "-n", ns, "link", "set", Interface, "up");
        CommandRunner.RunChecked("ip", "-n", ns, "link", "set", "lo", "up");
    }

    public void ApplyBlocks(int index, IReadOnlyCollection<IPAddress> blocked)
    {
        var script = new StringBuilder();
        script.Append($"table inet {PartitionTable} {{}}\ndelete table inet {PartitionTable}\n");
        if (blocked.Count > 0)
        {
            string set = string.Join(", ", blocked.Select(a => a.ToString()));
            script.Append($$"""
                table inet {{PartitionTable}} {
                  chain input { type filter hook input priority -10; policy accept; ip saddr { {{set}} } drop; }
                  chain output { type filter hook output priority -10; policy accept; ip daddr { {{set}} } drop; }
                }

                """);
        }
        Nft(index, script.ToString());
    }

    public void SetLoss(int index, double loss)
    {
        int threshold = (int)Math.Round(loss * 10_000);
        var script = new StringBuilder($"table inet {LossTable} {{}}\ndelete table inet {LossTable}\n");
        if (threshold > 0)
        {
            // numgen yields 0..9999; a loss of 1.0 drops everything without it.
            string chance = threshold >= 10_000 ? "" : $"numgen random mod 10000 < {threshold} ";
            script.Append(CultureInfo.InvariantCulture, $$"""
                table inet {{LossTable}} {
                  chain input { type filter hook input priority -5; policy accept; iifname "{{Interface}}" {{chance}}drop; }
                  chain output { type filter hook output priority -5; policy accept; oifname "{{Interface}}" {{chance}}drop; }
                }

                """);
        }
        Nft(index, script.ToString());
    }

    public void SetKernelDelay(int index, TimeSpan min, TimeSpan max)
    {
        string ns = NamespaceOf(index)!;
        if (max <= TimeSpan.Zero)
        {
            CommandRunner.Run("tc", "-n", ns, "qdisc", "del", "dev", Interface, "root");
            return;
        }
        double mean = (min + max).TotalMilliseconds / 2, jitter = (max - min).TotalMilliseconds / 2;
        var args = new List<string> { "-n", ns, "qdisc", "replace", "dev", Interface, "root", "netem", "delay", Ms(mean) };
        if (jitter > 0) args.Add(Ms(jitter));
        CommandRunner.RunChecked("tc", args, stdin: null);
    }

    public void SetLinkUp(int index, bool up) => CommandRunner.RunChecked("ip", "link", "set", HostLink(index), up ? "up" : "down");

    /// <summary>Lists the nft ruleset inside node <paramref name="index"/>'s namespace.</summary>
    public string Ruleset(int index) => CommandRunner.RunChecked("ip", "netns", "exec", NamespaceOf(index)!, "nft", "list", "ruleset");

    /// <summary>Removes every namespace (killing what runs inside) and the bridge.</summary>
    public void Dispose()
    {
        foreach (int index in _nodes)
        {
            DeleteNamespace(NamespaceOf(index)!);
            // The kernel destroys a dead namespace's veth pair asynchronously; deleting our end removes both now.
            CommandRunner.Run("ip", "link", "del", HostLink(index));
        }
        _nodes.Clear();
        CommandRunner.Run("ip", "link", "del", Bridge);
    }

    /// <summary>Kills every process inside <paramref name="ns"/> and deletes it (its veth end and nft tables go with it).</summary>
    public static void DeleteNamespace(string ns)
    {
        var pids = CommandRunner.Run("ip", "netns", "pids", ns);
        foreach (string pid in pids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int p)) LeftoverSweeper.KillQuietly(p);
        }
        CommandRunner.Run("ip", "netns", "del", ns);
    }

    /// <summary>Names of every network namespace on the machine.</summary>
    public static IEnumerable<string> ListNamespaces() =>
        Directory.Exists("/var/run/netns") ? Directory.GetFiles("/var/run/netns").Select(Path.GetFileName).OfType<string>() : [];

    /// <summary>Names of every link in the host namespace.</summary>
    public static IEnumerable<string> ListLinks() =>
        CommandRunner.Run("ip", "-o", "link", "show").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 3))
            .Where(p => p.Length == 3)
            .Select(p => p[1].Trim().Split('@')[0]);

    private string HostLink(int index) => $"{_runId}-h{index}";

    private void Nft(int index, string script) =>
        CommandRunner.RunChecked("ip", ["netns", "exec", NamespaceOf(index)!, "nft", "-f", "-"], script);

    private static string Ms(double ms) => ms.ToString("0.###", CultureInfo.InvariantCulture) + "ms";

    private static void DisableIpv6(string link)
    {
        string path = $"/proc/sys/net/ipv6/conf/{link}/disable_ipv6";
        if (File.Exists(path)) File.WriteAllText(path, "1");
    }
}
