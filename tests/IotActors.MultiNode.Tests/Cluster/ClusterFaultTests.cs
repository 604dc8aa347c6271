using System.Globalization;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Cluster;

/// <summary>Split brain and a degraded network with real node processes in network namespaces.</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class ClusterFaultTests(ITestOutputHelper output)
{
    /// <summary>Seconds of the degraded-network test (CI sets fewer); default 120.</summary>
    public const string DegradeSecondsVariable = "MULTINODE_DEGRADE_SECONDS";

    [Fact]
    public Task Partition_3_2_keeps_the_majority_the_minority_downs_itself_and_rejoins_after_healing_when_partitions_are_available() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Partitions, output)) return;
            var nodes = cluster.StartNodes(5);
            await ClusterChecks.WaitForApisAsync(nodes);
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(30), "5 Up before the partition");
            var majority = nodes.Take(3).ToList();
            var minority = nodes.Skip(3).ToList();

            await cluster.PartitionAsync(majority, minority);

            await ClusterChecks.WaitAllUpAsync(majority, majority, TimeSpan.FromSeconds(40), "the majority keeps running as a 3-node cluster");
            await MultiNodeCluster.WaitUntilAsync(async () => (await ClusterChecks.ViewsAsync(minority)).All(v => v is not null && v.Members.Count == 0),
                TimeSpan.FromSeconds(40), "the minority nodes downed themselves and are no members", TimeSpan.FromMilliseconds(200));
            minority.Should().Contain(n => n.Log.Contains("this side is the minority"), "a minority node decided to down its side");
            majority.Should().OnlyContain(n => !n.Log.Contains("this side is the minority"));
            foreach (var n in minority)
            {
                n.Log.Contains("will rejoin as uid").Should().BeTrue($"{n.Name} left and prepares to rejoin as a new incarnation");
            }
            // While partitioned the minority must not form a cluster of its own.
            await Task.Delay(TimeSpan.FromSeconds(5));
            (await ClusterChecks.ViewsAsync(minority)).Should().OnlyContain(v => v != null && v.Members.Count == 0, "the downed side stays out of any cluster");

            await cluster.HealAsync();

            var took = await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(60), "all 5 Up again after healing");
            output.WriteLine($"rejoin after heal: {took.TotalMilliseconds:0} ms");
            foreach (var n in minority)
            {
                n.Log.Contains("was welcomed into cluster").Should().BeTrue($"{n.Name} rejoined");
            }
            majority.Should().OnlyContain(n => !n.Log.Contains("formed a new cluster") || n == nodes[0], "only n1 ever formed the cluster");
        });

    [Fact]
    public Task Five_percent_loss_and_20_to_50_ms_jitter_cause_no_unreachable_and_no_downing_when_packet_loss_is_available() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options() with
        {
            // No netem here: the transport adds the latency itself (test-only setting), from the start.
            Settings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(NodeSettingKeys.FaultInjectionDelay, "20ms-50ms"),
        }, async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.PacketLoss, output)) return;
            var seconds = int.TryParse(Environment.GetEnvironmentVariable(DegradeSecondsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 120;
            var nodes = cluster.StartNodes(5);
            await ClusterChecks.WaitForApisAsync(nodes);
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(40), "5 Up before degrading");

            var report = await cluster.DegradeAsync(nodes, loss: 0.05);
            output.WriteLine($"degraded for {seconds} s: {report.Description}; latency 20-50 ms through {NodeSettingKeys.FaultInjectionDelay}");
            var end = DateTime.UtcNow.AddSeconds(seconds);
            while (DateTime.UtcNow < end)
            {
                ClusterChecks.UnreachableEvents(nodes).Should().BeEmpty("5 % loss and 50 ms jitter are far below the failure detector's tolerance");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            await cluster.RestoreLinksAsync(nodes);
            ClusterChecks.UnreachableEvents(nodes).Should().BeEmpty();
            nodes.Should().OnlyContain(n => !n.Log.Contains("cluster: downing") && !n.Log.Contains("this side is the minority"), "nobody was downed");
            (await ClusterChecks.AllSeeUpAsync(nodes, nodes)).Should().BeTrue("all 5 are still Up");
        });
}
