using System.Diagnostics;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Cluster;

/// <summary>Polling helpers over the nodes' GET /api/cluster views for the cluster tests.</summary>
internal static class ClusterChecks
{
    /// <summary>The cluster log line every member event produces (see IotActors.Cluster's ClusterLog).</summary>
    public const string UnreachableEvent = "cluster event UnreachableMember";

    public static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Options of the cluster tests: fast "alive" lines and nothing else changed.</summary>
    public static MultiNodeOptions Options() => Harness.Options();

    /// <summary>The view of every node, or null for a node whose endpoint does not answer.</summary>
    public static async Task<ClusterView?[]> ViewsAsync(IEnumerable<ClusterNode> nodes)
    {
        var tasks = nodes.Select(async n =>
        {
            using var client = ClusterViewClient.For(n);
            return await client.TryGetAsync(n).ConfigureAwait(false);
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Waits until every node's API answers (the processes are up); returns when that happened.</summary>
    public static Task WaitForApisAsync(IReadOnlyCollection<ClusterNode> nodes) =>
        MultiNodeCluster.WaitUntilAsync(async () => (await ViewsAsync(nodes)).All(v => v is not null), ApiTimeout,
            $"the API of {string.Join(", ", nodes.Select(n => n.Name))} answers", TimeSpan.FromMilliseconds(200));

    /// <summary>Whether every node sees exactly <paramref name="members"/> Up and reachable, and all see the same leader.</summary>
    public static async Task<bool> AllSeeUpAsync(IReadOnlyCollection<ClusterNode> observers, IReadOnlyCollection<ClusterNode> members)
    {
        var views = await ViewsAsync(observers).ConfigureAwait(false);
        if (views.Any(v => v is null))
        {
            return false;
        }

        var expected = members.Select(n => n.RemoteAddress).Order(StringComparer.Ordinal).ToList();
        return views.All(v => v!.UpMembers.Order(StringComparer.Ordinal).SequenceEqual(expected) && v.Members.Count == expected.Count
                              && v.Unreachable.Count == 0 && v.Leader is not null)
               && views.Select(v => v!.Leader).Distinct().Count() == 1;
    }

    /// <summary>Waits until <see cref="AllSeeUpAsync"/> holds; returns how long it took.</summary>
    public static async Task<TimeSpan> WaitAllUpAsync(IReadOnlyCollection<ClusterNode> observers, IReadOnlyCollection<ClusterNode> members, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        await MultiNodeCluster.WaitUntilAsync(() => AllSeeUpAsync(observers, members), deadline, what, TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        return clock.Elapsed;
    }

    /// <summary>Every node's log lines that report an UnreachableMember event.</summary>
    public static IReadOnlyList<string> UnreachableEvents(IEnumerable<ClusterNode> nodes) =>
        nodes.SelectMany(n => n.Log.Lines.Where(l => l.Text.Contains(UnreachableEvent, StringComparison.Ordinal)).Select(l => $"{n.Name}: {l.Text}")).ToList();

    /// <summary>A multiplier for deadlines (IOTACTORS_TEST_TIMEFACTOR), the same one WaitUntilAsync applies.</summary>
    public static TimeSpan Dilated(TimeSpan t) => IotActors.TestKit.TestKitSettings.Dilated(t);
}
