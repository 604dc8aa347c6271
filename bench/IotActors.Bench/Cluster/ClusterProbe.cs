using System.Diagnostics;
using IotActors.TestKit.MultiNode;

namespace IotActors.Bench.Cluster;

/// <summary>What the cluster commands ask of harness nodes: every node's view of the cluster, "all Up", and polling with a deadline.</summary>
internal static class ClusterProbe
{
    /// <summary>Every node's <c>GET /api/cluster</c> (from inside its namespace); null where a node does not answer.</summary>
    public static async Task<ClusterView?[]> Views(IEnumerable<ClusterNode> nodes) =>
        await Task.WhenAll(nodes.Select(async n =>
        {
            using var client = ClusterViewClient.For(n);
            return await client.TryGetAsync(n);
        }));

    /// <summary>Whether every observer sees exactly <paramref name="members"/> Up, none unreachable, and all agree on the leader.</summary>
    public static async Task<bool> AllUp(IReadOnlyList<ClusterNode> observers, IReadOnlyList<ClusterNode> members)
    {
        var views = await Views(observers);
        var expected = members.Select(n => n.RemoteAddress).Order(StringComparer.Ordinal).ToList();
        return views.All(v => v is not null && v.UpMembers.Order(StringComparer.Ordinal).SequenceEqual(expected) && v.Unreachable.Count == 0)
               && views.Select(v => v!.Leader).Distinct().Count() == 1;
    }

    /// <summary>Waits until every node's API answers, then until all of them are Up in one cluster; returns the time from APIs to all Up.</summary>
    public static async Task<TimeSpan> WaitAllUpAsync(IReadOnlyList<ClusterNode> nodes, TimeSpan apiDeadline, TimeSpan upDeadline)
    {
        await WaitAsync(async () => (await Views(nodes)).All(v => v is not null), apiDeadline, "every node's API answering");
        var clock = Stopwatch.StartNew();
        await WaitAsync(() => AllUp(nodes, nodes), upDeadline, $"{nodes.Count} nodes Up in one cluster");
        return clock.Elapsed;
    }

    /// <summary>Polls <paramref name="condition"/> (every 100 ms unless told) until it holds; throws <see cref="TimeoutException"/> at the deadline.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan deadline, string what = "condition", TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"{what} not met within {deadline}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
