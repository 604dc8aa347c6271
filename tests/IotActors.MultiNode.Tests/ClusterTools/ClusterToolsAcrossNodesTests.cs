using System.Diagnostics;
using System.Text.Json.Nodes;
using IotActors.MultiNode.Tests.Cluster;
using IotActors.MultiNode.Tests.Domain;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.ClusterTools;

/// <summary>Pub-sub, the registry and the replicated map across five real node processes, driven through the debug endpoints.</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class ClusterToolsAcrossNodesTests(ITestOutputHelper output)
{
    private const string Topic = "alerts";
    private const string ServiceKeyId = "probe-service";
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(10);

    /// <summary>Failure detection after kill -9 takes ~4.5 s (1 s heartbeats, 3 s acceptable pause); the listing follows at once.</summary>
    private static readonly TimeSpan FailureDetection = TimeSpan.FromSeconds(7);

    private static MultiNodeOptions Options() => ClusterChecks.Options() with { ExtraConfig = "iotactors.api.debug-endpoints = on\niotactors.cluster.replicated-state.persist-interval = 1s\n" };

    [Fact]
    public Task Publish_reaches_subscribers_on_5_nodes_a_killed_subscriber_node_is_pruned_and_the_registry_listing_follows_failure_detection() =>
        MultiNodeCluster.RunAsync(output, Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Namespaces, output)) return;
            var nodes = await StartUpAsync(cluster, 5);
            var apis = nodes.Select(n => new NodeApi(n)).ToList();
            try
            {
                foreach (var api in apis)
                {
                    (await api.PostAsync($"api/debug/topics/{Topic}/subscribe", new { })).Status.Should().Be(200);
                    (await api.PostAsync($"api/debug/services/{ServiceKeyId}", new { })).Status.Should().Be(200);
                }

                await WaitAllAsync(apis, async a => (await TopicNodesAsync(a)).Count == 5, Spread, "every node knows the 5 subscriber nodes");
                await PublishAsync(apis[0], "m1");
                await PublishAsync(apis[2], "m2");
                await WaitAllAsync(apis, async a => (await ReceivedAsync(a)).IsSupersetOf(["m1", "m2"]), Spread, "m1 and m2 reached the subscriber on every node");
                await WaitAllAsync(apis, async a => (await ListingAsync(a)).Count == 5, Spread, "every node lists the 5 registered services");

                var victim = nodes[4];
                var survivors = apis.Take(4).ToList();
                var killed = Stopwatch.StartNew();
                await victim.KillAsync();
                await WaitAllAsync(survivors, async a => (await ListingAsync(a)).Count == 4,
                    ClusterChecks.Dilated(FailureDetection + TimeSpan.FromSeconds(3)), "the survivors' listings drop the killed node's service");
                var listingUpdated = killed.Elapsed;
                output.WriteLine($"registry listing without the killed node on all 4 survivors: {listingUpdated.TotalMilliseconds:0} ms after kill -9");
                (await ListingAsync(survivors[0])).Should().NotContain(s => s.Contains(victim.Address.ToString(), StringComparison.Ordinal));

                await PublishAsync(apis[1], "m3");
                await WaitAllAsync(survivors, async a => (await ReceivedAsync(a)).Contains("m3"), Spread, "m3 reached the 4 surviving subscribers");

                await ClusterChecks.WaitAllUpAsync(nodes.Take(4).ToList(), nodes.Take(4).ToList(), TimeSpan.FromSeconds(40), "the killed node is removed");
                await WaitAllAsync(survivors, async a => !(await TopicNodesAsync(a)).Any(n => n.Contains(victim.Address.ToString(), StringComparison.Ordinal)),
                    Spread, "the killed node's subscriber is pruned from every topic table");
                var errors = nodes.Take(4).SelectMany(n => n.Log.Lines.Where(l => l.Text.Contains("fail:", StringComparison.Ordinal) || l.Text.Contains("crit:", StringComparison.Ordinal))
                    .Select(l => $"{n.Name}: {l.Text}")).ToList();
                errors.Should().BeEmpty("publishing to a topic whose subscriber node died is not an error");

                // A subscriber that joins late (the restarted node, a new incarnation) receives later publishes only.
                await victim.RestartAsync();
                await ClusterChecks.WaitForApisAsync([victim]);
                await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(40), "the restarted node is Up again");
                using var late = new NodeApi(victim);
                (await late.PostAsync($"api/debug/topics/{Topic}/subscribe", new { })).Status.Should().Be(200);
                await WaitAllAsync(apis.Take(4).ToList(), async a => (await TopicNodesAsync(a)).Count == 5, Spread, "the late subscriber's node is in every topic table");
                await PublishAsync(apis[0], "m4");
                await WaitAllAsync([late], async a => (await ReceivedAsync(a)).Contains("m4"), Spread, "the late subscriber receives m4");
                (await ReceivedAsync(late)).Should().BeEquivalentTo(["m4"], "it subscribed after m1-m3 were published");
            }
            finally
            {
                apis.ForEach(a => a.Dispose());
            }
        });

    [Fact]
    public Task Replicated_state_converges_after_1000_concurrent_updates_after_a_3_2_partition_heals_and_on_a_restarted_node_when_partitions_are_available() =>
        MultiNodeCluster.RunAsync(output, Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Partitions, output)) return;
            var nodes = await StartUpAsync(cluster, 5);
            var apis = nodes.Select(n => new NodeApi(n)).ToList();
            try
            {
                // 1,000 updates: 180 own keys per node and 20 keys every node writes at the same time.
                var acked = new List<(string Key, string Version)>();
                var writes = apis.Select((api, i) => WriteAsync(api, Enumerable.Range(0, 180).Select(j => $"own-{i}-{j}")
                    .Concat(Enumerable.Range(0, 20).Select(j => $"shared-{j}")), $"n{i + 1}")).ToList();
                foreach (var w in await Task.WhenAll(writes)) acked.AddRange(w);
                acked.Should().HaveCount(1000);
                var converged = await WaitConvergedAsync(apis, TimeSpan.FromSeconds(3), "1,000 updates on 5 nodes");
                output.WriteLine($"1,000 updates on 5 nodes: every node has the same map {converged.TotalMilliseconds:0} ms after the last acknowledgement");
                await AssertWinnersAsync(apis[3], acked);

                // A 3|2 partition, writes on both sides (concurrent on the same keys), then healing.
                var majority = nodes.Take(3).ToList();
                var minority = nodes.Skip(3).ToList();
                await cluster.PartitionAsync(majority, minority);
                var sideWrites = new List<(string Key, string Version)>();
                sideWrites.AddRange(await WriteAsync(apis[0], Enumerable.Range(0, 20).Select(j => $"split-{j}"), "majority"));
                sideWrites.AddRange(await WriteAsync(apis[4], Enumerable.Range(0, 20).Select(j => $"split-{j}"), "minority"));
                sideWrites.AddRange(await WriteAsync(apis[3], Enumerable.Range(0, 20).Select(j => $"minority-only-{j}"), "minority"));
                // Long enough for the minority to down itself (stable-after 7 s after detection); it keeps writing meanwhile.
                await MultiNodeCluster.WaitUntilAsync(async () => (await ClusterChecks.ViewsAsync(minority)).All(v => v is not null && v.Members.Count == 0),
                    TimeSpan.FromSeconds(40), "the minority nodes downed themselves and are no members", TimeSpan.FromMilliseconds(200));
                sideWrites.AddRange(await WriteAsync(apis[4], Enumerable.Range(0, 20).Select(j => $"while-down-{j}"), "downed"));
                var healAt = DateTimeOffset.UtcNow;
                await cluster.HealAsync();
                var healed = Stopwatch.StartNew();
                try
                {
                    await WaitConvergedAsync(apis, TimeSpan.FromSeconds(5), "after the 3|2 partition healed");
                }
                finally
                {
                    foreach (var line in minority.SelectMany(n => n.Log.Lines.Where(l => l.Text.Contains("welcomed", StringComparison.Ordinal) || l.Text.Contains("joining", StringComparison.OrdinalIgnoreCase))
                                 .Select(l => $"{n.Name}: {l.Text}")).TakeLast(6))
                    {
                        output.WriteLine(line);
                    }

                    output.WriteLine($"healed at {healAt:HH:mm:ss.fff}");
                }

                output.WriteLine($"3|2 partition healed: every node has the same map {healed.ElapsedMilliseconds} ms after healing");
                await AssertWinnersAsync(apis[1], acked.Concat(sideWrites).ToList());

                // kill -9 one node, write while it is down, restart it: it shows its saved map at once and catches up.
                var victim = nodes[2];
                await WriteAsync(apis[2], ["before-kill"], "victim");
                await Task.Delay(TimeSpan.FromSeconds(1.5)); // persist-interval is 1 s: the saved file has before-kill
                await victim.KillAsync();
                var whileDown = await WriteAsync(apis[0], Enumerable.Range(0, 50).Select(j => $"while-killed-{j}"), "n1");
                await victim.RestartAsync();
                await ClusterChecks.WaitForApisAsync([victim]);
                var restarted = Stopwatch.StartNew();
                (await StateAsync(apis[2]))["entries"]!.AsObject().ContainsKey("before-kill").Should().BeTrue("the saved map is loaded at start");
                await WaitConvergedAsync(apis, TimeSpan.FromSeconds(40), "the restarted node caught up");
                output.WriteLine($"restarted node caught up {restarted.ElapsedMilliseconds} ms after its API answered");
                await AssertWinnersAsync(apis[2], acked.Concat(sideWrites).Concat(whileDown).ToList());
            }
            finally
            {
                apis.ForEach(a => a.Dispose());
            }
        });

    private static async Task<IReadOnlyList<ClusterNode>> StartUpAsync(MultiNodeCluster cluster, int count)
    {
        var nodes = cluster.StartNodes(count);
        await ClusterChecks.WaitForApisAsync(nodes);
        await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(40), $"{count} nodes Up");
        return nodes;
    }

    private static Task WaitAllAsync(IReadOnlyList<NodeApi> apis, Func<NodeApi, Task<bool>> condition, TimeSpan deadline, string what) =>
        MultiNodeCluster.WaitUntilAsync(async () => (await Task.WhenAll(apis.Select(condition))).All(ok => ok), deadline, what, TimeSpan.FromMilliseconds(100));

    private static async Task PublishAsync(NodeApi api, string text) =>
        (await api.PostAsync($"api/debug/topics/{Topic}/publish", new { text })).Status.Should().Be(202);

    private static async Task<HashSet<string>> ReceivedAsync(NodeApi api) =>
        [.. (await api.GetAsync($"api/debug/topics/{Topic}"))["received"]!.AsArray().Select(n => n!["text"]!.GetValue<string>())];

    private static async Task<List<string>> TopicNodesAsync(NodeApi api) =>
        [.. (await api.GetAsync($"api/debug/topics/{Topic}"))["nodes"]!.AsArray().Select(n => n!.GetValue<string>())];

    private static async Task<List<string>> ListingAsync(NodeApi api) =>
        [.. (await api.GetAsync($"api/debug/services/{ServiceKeyId}"))["services"]!.AsArray().Select(n => n!.GetValue<string>())];

    private static Task<JsonNode> StateAsync(NodeApi api) => api.GetAsync("api/debug/state");

    /// <summary>Writes each key (8 at a time) with a value naming <paramref name="writer"/>; returns the acknowledged versions.</summary>
    private static async Task<List<(string Key, string Version)>> WriteAsync(NodeApi api, IEnumerable<string> keys, string writer)
    {
        var acked = new List<(string, string)>();
        foreach (var batch in keys.Chunk(8))
        {
            var results = await Task.WhenAll(batch.Select(async key =>
            {
                var (status, body) = await api.PutAsync($"api/debug/state/{key}", new { writer, key });
                status.Should().Be(200, body);
                return (key, JsonNode.Parse(body)!["version"]!.GetValue<string>());
            }));
            acked.AddRange(results);
        }

        return acked;
    }

    /// <summary>Waits until every node reports the same digest; returns how long that took.</summary>
    private static async Task<TimeSpan> WaitConvergedAsync(IReadOnlyList<NodeApi> apis, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        await MultiNodeCluster.WaitUntilAsync(async () =>
        {
            var digests = await Task.WhenAll(apis.Select(async a => (await a.GetAsync("api/debug/state/digest"))["digest"]!.GetValue<string>()));
            return digests.Distinct().Count() == 1;
        }, deadline, $"every node has the same replicated map ({what})", TimeSpan.FromMilliseconds(50));
        return clock.Elapsed;
    }

    /// <summary>Every acknowledged key is present and holds the highest acknowledged version (clock, then node), the same on every node.</summary>
    private static async Task AssertWinnersAsync(NodeApi api, IReadOnlyList<(string Key, string Version)> acked)
    {
        var entries = (await StateAsync(api))["entries"]!.AsObject();
        foreach (var group in acked.GroupBy(a => a.Key))
        {
            var expected = group.Select(g => g.Version).MaxBy(Parse, Comparer<(long, string)>.Create(CompareVersions));
            entries.ContainsKey(group.Key).Should().BeTrue($"acknowledged key {group.Key} exists");
            entries[group.Key]!["version"]!.GetValue<string>().Should().Be(expected, $"{group.Key}: the highest version wins everywhere");
        }
    }

    private static (long Clock, string Node) Parse(string version)
    {
        int at = version.IndexOf('@', StringComparison.Ordinal);
        return (long.Parse(version[..at], System.Globalization.CultureInfo.InvariantCulture), version[(at + 1)..]);
    }

    private static int CompareVersions((long Clock, string Node) a, (long Clock, string Node) b) =>
        a.Clock != b.Clock ? a.Clock.CompareTo(b.Clock) : string.CompareOrdinal(a.Node, b.Node);
}
