using System.Diagnostics;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Cluster;

/// <summary>Formation, crash detection and graceful leave with real node processes (namespaces when available, else loopback).</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class ClusterMembershipTests(ITestOutputHelper output)
{
    [Fact]
    public Task Five_nodes_without_seeds_form_one_cluster_and_all_see_five_Up_and_one_leader_within_10_s() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options(), async cluster =>
        {
            var nodes = cluster.StartNodes(5);
            await ClusterChecks.WaitForApisAsync(nodes);

            var took = await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(10), "5 Up with one leader on every node");

            output.WriteLine($"formation: all 5 Up with one leader {took.TotalMilliseconds:0} ms after every API answered");
            var leaders = (await ClusterChecks.ViewsAsync(nodes)).Select(v => v!.Leader).Distinct().ToList();
            leaders.Should().ContainSingle().Which.Should().Be(nodes.Select(n => n.RemoteAddress).Min(StringComparer.Ordinal),
                "the leader is the lowest address among the Up members");
            nodes.Count(n => n.Log.Contains("formed a new cluster")).Should().Be(1, "only the lowest address forms; the others join it");
        });

    [Fact]
    public Task After_kill_9_all_others_see_the_node_unreachable_within_5_s_and_removed_after_stable_after() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options(), async cluster =>
        {
            var nodes = cluster.StartNodes(5);
            await ClusterChecks.WaitForApisAsync(nodes);
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(30), "5 Up before the kill");
            // Steady state: the failure detectors replace their first-heartbeat estimate with about ten real intervals.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var victim = nodes[2];
            var survivors = nodes.Where(n => n != victim).ToList();

            var clock = Stopwatch.StartNew();
            await victim.KillAsync();
            var seenUnreachable = new Dictionary<string, TimeSpan>();
            TimeSpan? removedAt = null;
            await MultiNodeCluster.WaitUntilAsync(async () =>
            {
                var views = await ClusterChecks.ViewsAsync(survivors);
                for (int i = 0; i < survivors.Count; i++)
                {
                    var member = views[i]?.Members.FirstOrDefault(m => m.Address == victim.RemoteAddress);
                    if ((member is null || !member.Reachable) && views[i] is not null) seenUnreachable.TryAdd(survivors[i].Name, clock.Elapsed);
                }
                if (views.All(v => v is not null && v.Members.All(m => m.Address != victim.RemoteAddress)))
                {
                    removedAt ??= clock.Elapsed;
                }
                return removedAt is not null;
            }, TimeSpan.FromSeconds(40), "the killed node is removed on every survivor", TimeSpan.FromMilliseconds(100));

            output.WriteLine($"detection: {string.Join(", ", seenUnreachable.Select(kv => $"{kv.Key} {kv.Value.TotalMilliseconds:0} ms"))}; removed everywhere at {removedAt!.Value.TotalMilliseconds:0} ms");
            seenUnreachable.Keys.Should().BeEquivalentTo(survivors.Select(n => n.Name));
            seenUnreachable.Values.Should().OnlyContain(t => t <= ClusterChecks.Dilated(TimeSpan.FromSeconds(5)), "every survivor sees the node unreachable within 5 s");
            removedAt.Value.Should().BeGreaterThan(TimeSpan.FromSeconds(7), "removal waits for stable-after (7 s)");
            await ClusterChecks.WaitAllUpAsync(survivors, survivors, TimeSpan.FromSeconds(10), "the 4 survivors Up and reachable");
        });

    [Fact]
    public Task Graceful_leave_on_SIGTERM_removes_the_node_with_no_unreachable_event_anywhere() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options(), async cluster =>
        {
            var nodes = cluster.StartNodes(4);
            await ClusterChecks.WaitForApisAsync(nodes);
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(30), "4 Up before the leave");
            var leaver = nodes[0];
            var stay = nodes.Skip(1).ToList();

            (await leaver.StopAsync()).Should().Be(0, "the node leaves and exits cleanly on SIGTERM");

            leaver.Log.Contains("left the cluster (removed)").Should().BeTrue("the node waited until it was Removed");
            await ClusterChecks.WaitAllUpAsync(stay, stay, TimeSpan.FromSeconds(15), "3 Up, the leaver gone");
            await Task.Delay(TimeSpan.FromSeconds(6)); // longer than the failure detector needs to suspect a silent node
            ClusterChecks.UnreachableEvents(nodes).Should().BeEmpty("a graceful leave has no unreachable phase");
            foreach (var n in stay)
            {
                n.Log.Contains($"cluster event MemberExited: {leaver.RemoteAddress}").Should().BeTrue($"{n.Name} saw the Exiting step");
                n.Log.Contains($"cluster event MemberRemoved: {leaver.RemoteAddress}").Should().BeTrue($"{n.Name} saw the removal");
            }
        });
}

[CollectionDefinition("multinode-cluster", DisableParallelization = true)]
public sealed class MultiNodeClusterCollection;
