using System.Text.Json.Nodes;
using IotActors.MultiNode.Tests.Domain;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>The soak's 5-node site: sensors, two controllers, two actuator nodes, two gateways; and the checks over its API views.</summary>
internal static class SoakSite
{
    /// <summary>Fans only operators command (their journals are checked for exactly-once).</summary>
    public static readonly string[] OperatorFans = ["fan-2", "fan-3"];

    /// <summary>Every node's config: the fan rule on t1, fail-safe hold (so a fan's state is always the last command's), unsigned UDP allowed.</summary>
    public const string Config = """
        iotactors {
          api.debug-endpoints = on
          gateway.udp.allow-unsigned = on
          home {
            site-update-interval = 150ms
            sensor { stale-after = 3s, offline-after = 10s, min-interval = 0s }
            actuator { fail-safe = hold, fail-safe-check-interval = 250ms }
            controller.feed-interval = 200ms
            rules = [ { id = fan-auto, actuator = fan-1, sensors = [t1], metric = temperature, on-above = 25.0, off-below = 24.5, consecutive = 1 } ]
          }
        }
        """;

    /// <summary>Adds the five nodes (not started).</summary>
    public static IReadOnlyList<ClusterNode> Add(MultiNodeCluster cluster) =>
    [
        DomainCluster.Add(cluster, "n1", "sensor, gateway, dashboard", "[ { id = t1, kind = simulated-temperature, period = 500ms, target = 20 } ]"),
        DomainCluster.Add(cluster, "n2", "controller, dashboard"),
        DomainCluster.Add(cluster, "n3", "actuator, dashboard", "[ { id = fan-1, kind = virtual-fan }, { id = fan-2, kind = virtual-fan } ]"),
        DomainCluster.Add(cluster, "n4", "controller, gateway, dashboard"),
        DomainCluster.Add(cluster, "n5", "actuator, sensor, dashboard", "[ { id = fan-3, kind = virtual-fan }, { id = t2, kind = simulated-temperature, period = 1s, target = 22 } ]"),
    ];

    /// <summary>The part of a node's GET /api/devices that must be identical on every node once traffic stopped (readings keep moving).</summary>
    public static string Projection(string devicesJson) => string.Join("\n", JsonNode.Parse(devicesJson)!.AsArray().Select(d =>
    {
        string kind = d!["kind"]!.GetValue<string>();
        string common = $"{d["id"]} {kind} owner={d["ownerNode"]} health={d["health"]}";
        return kind == "actuator" ? $"{common} active={d["active"]} version={d["version"]}" : common;
    }).Order(StringComparer.Ordinal));

    /// <summary>Whether <paramref name="projection"/> shows each fan in <paramref name="expected"/> with that state and both gateway devices.</summary>
    public static bool Shows(string projection, IReadOnlyDictionary<string, bool> expected) =>
        expected.All(kv => projection.Contains($"{kv.Key} actuator ", StringComparison.Ordinal)
                           && projection.Split('\n').Any(l => l.StartsWith(kv.Key + " ", StringComparison.Ordinal) && l.Contains($"active={(kv.Value ? "true" : "false")} ", StringComparison.Ordinal)))
        && projection.Contains(GatewayTraffic.UdpDevice + " ", StringComparison.Ordinal)
        && projection.Contains(GatewayTraffic.TcpDevice + " ", StringComparison.Ordinal);

    /// <summary>Lines of a node's full log file that show a crash: unhandled exceptions and critical log entries.</summary>
    public static IReadOnlyList<string> CrashLines(ClusterNode node)
    {
        using var stream = new FileStream(node.Log.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var found = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || line.Contains(" crit: ", StringComparison.Ordinal)
                || line.Contains("Process terminated", StringComparison.Ordinal))
            {
                found.Add($"{node.Name}: {line}");
            }
        }
        return found;
    }
}
