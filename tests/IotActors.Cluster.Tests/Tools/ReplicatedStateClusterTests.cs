using IotActors.Cluster.Tools.Replication;
using IotActors.TestKit;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>Replicated site state across actor systems on loopback.</summary>
public sealed class ReplicatedStateClusterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Five_nodes_converge_after_1000_updates_spread_over_all_of_them()
    {
        await using var cluster = await ToolsCluster.StartAsync(5, "rs-conv");
        var updates = Enumerable.Range(0, 1000).Select(i => (Node: i % 5, Key: $"device-{i % 200}", Value: $"{{\"n\":{i}}}"));
        foreach (var (node, key, value) in updates)
        {
            cluster[node].Replicator.Tell(new Update(key, value), null);
        }

        var all = AwaitConverged(cluster);
        all.Entries.Should().HaveCount(200);
    }

    [Fact]
    public async Task Concurrent_writes_on_both_sides_of_a_3_2_partition_resolve_the_same_way_everywhere_after_healing()
    {
        await using var cluster = await ToolsCluster.StartAsync(5, "rs-part");
        var left = cluster.Nodes.Take(3).ToList();
        var right = cluster.Nodes.Skip(3).ToList();
        await ReplicatedState.Get(left[0].System).UpdateAsync("fan-1", "{\"on\":false}");
        AwaitConverged(cluster);

        cluster.Partition(left, right);
        var acks = new List<(UpdateAck Ack, string Value)>();
        for (var i = 0; i < 20; i++)
        {
            var l = $"{{\"side\":\"left\",\"i\":{i}}}";
            var r = $"{{\"side\":\"right\",\"i\":{i}}}";
            acks.Add((await ReplicatedState.Get(left[i % 3].System).UpdateAsync($"fan-{i % 4}", l), l));
            acks.Add((await ReplicatedState.Get(right[i % 2].System).UpdateAsync($"fan-{i % 4}", r), r));
        }

        cluster.Heal(left, right);

        var all = AwaitConverged(cluster);
        foreach (var group in acks.GroupBy(a => a.Ack.Key))
        {
            var winner = group.MaxBy(a => a.Ack.Version);
            all.Entries[group.Key].Version.Should().Be(winner.Ack.Version, "the highest (clock, node) version wins on every node");
            all.Entries[group.Key].ValueJson.Should().Be(winner.Value);
        }

        all.Entries.Values.Select(e => e.Version).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_restarted_node_shows_its_saved_state_at_once_and_catches_up_on_later_updates()
    {
        var dir = Directory.CreateTempSubdirectory("iot-rs-");
        try
        {
            var file = Path.Combine(dir.FullName, "replicated-state.json");
            await using var cluster = await ToolsCluster.StartAsync(2, "rs-restart");
            var restarting = await ToolsNode.StartAsync("rs-restart-x", file);
            cluster.Add(restarting);
            await ReplicatedState.Get(cluster[0].System).UpdateAsync("sensor-1", "{\"t\":21.5}");
            AwaitConverged(cluster);
            TestKit.TestKit.AwaitCondition(() => File.Exists(file), Wait);
            await cluster.RemoveAsync(restarting);

            await ReplicatedState.Get(cluster[0].System).UpdateAsync("sensor-2", "{\"t\":19.0}");
            var again = await ToolsNode.StartAsync("rs-restart-y", file);
            (await ReplicatedState.Get(again.System).GetAsync("sensor-1")).Should().NotBeNull("the saved state is loaded before any peer is known");

            cluster.Add(again);
            var all = AwaitConverged(cluster);
            all.Entries.Keys.Should().BeEquivalentTo("sensor-1", "sensor-2");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Entries_written_by_a_removed_node_are_marked_and_kept()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "rs-mark");
        await ReplicatedState.Get(cluster[2].System).UpdateAsync("gateway-1", "{\"ok\":true}");
        AwaitConverged(cluster);

        await cluster.RemoveAsync(cluster[2]);

        TestKit.TestKit.AwaitAssert(() =>
        {
            foreach (var node in cluster.Nodes)
            {
                var entry = ReplicatedState.Get(node.System).GetAsync("gateway-1").GetAwaiter().GetResult();
                entry.Should().NotBeNull();
                entry!.OwnerRemoved.Should().BeTrue();
            }
        }, Wait);
    }

    /// <summary>Waits until every node holds the same map (same digest) and returns it.</summary>
    internal static AllEntries AwaitConverged(ToolsCluster cluster)
    {
        AllEntries? first = null;
        TestKit.TestKit.AwaitAssert(() =>
        {
            var maps = cluster.Nodes.Select(n => ReplicatedState.Get(n.System).GetAllAsync().GetAwaiter().GetResult()).ToList();
            maps.Select(m => m.Digest).Distinct().Should().ContainSingle("every node must hold the same entries");
            maps.Select(m => m.Clock).Distinct().Should().ContainSingle("every node must have seen the same clock");
            first = maps[0];
        }, Wait, TimeSpan.FromMilliseconds(50));
        return first!;
    }
}
