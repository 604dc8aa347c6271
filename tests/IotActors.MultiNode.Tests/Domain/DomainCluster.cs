using IotActors.MultiNode.Tests.Cluster;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Domain;

/// <summary>Builds smart-site nodes on the harness: per-node roles and devices appended to the generated config.</summary>
internal static class DomainCluster
{
    /// <summary>The fan rule every node knows, fast fail-safe timings and the simulate hook (every node's config).</summary>
    public const string SiteConfig = """
        iotactors {
          api.debug-endpoints = on
          home {
            site-update-interval = 150ms
            sensor { stale-after = 3s, offline-after = 10s, min-interval = 0s }
            actuator { fail-safe = idle, fail-safe-check-interval = 250ms }
            controller.feed-interval = 200ms
            rules = [ { id = fan-auto, actuator = fan-1, sensors = [t1], metric = temperature, on-above = 25.0, off-below = 24.5, consecutive = 1 } ]
          }
        }
        """;

    public static MultiNodeOptions Options() => ClusterChecks.Options() with { ExtraConfig = SiteConfig };

    /// <summary>Adds (without starting) a node with <paramref name="roles"/> and the HOCON <paramref name="devices"/> list.</summary>
    public static ClusterNode Add(MultiNodeCluster cluster, string name, string roles, string devices = "[]")
    {
        var node = cluster.AddNode(name);
        File.AppendAllText(node.ConfigPath, $"\niotactors {{\n  node.roles = [{roles}]\n  api.enabled = on\n  devices = {devices}\n}}\n");
        return node;
    }

    /// <summary>Starts every node, waits for their APIs and for all of them Up in one cluster.</summary>
    public static async Task StartAllUpAsync(IReadOnlyList<ClusterNode> nodes)
    {
        foreach (var n in nodes) n.Start();
        await ClusterChecks.WaitForApisAsync(nodes);
        await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(40), $"{nodes.Count} nodes Up in one cluster");
    }
}
