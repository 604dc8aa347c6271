using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using IotActors.TestKit;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>
/// The tools spread changes two ways: a push of this node's own changes to every peer (delta interval) and anti-entropy with
/// one random peer (gossip interval). Each way alone must be enough, so either can be tuned without losing convergence.
/// </summary>
public sealed class GossipModesTests
{
    private const int Never = 60_000; // the longest allowed interval: longer than the test
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Pushed_own_changes_alone_spread_subscriptions_registrations_and_writes_to_every_node()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "gm-push", gossipMs: Never, deltaMs: 50);
        await ActAndAwaitSpread(cluster);
    }

    [Fact]
    public async Task Anti_entropy_with_one_random_peer_alone_spreads_them_too()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "gm-ae", gossipMs: 50, deltaMs: Never);
        await ActAndAwaitSpread(cluster);
    }

    private static async Task ActAndAwaitSpread(ToolsCluster cluster)
    {
        var subscriber = new TestProbe(cluster[0].System);
        cluster[0].Mediator.Tell(new Subscribe("t", subscriber.Ref), null);
        subscriber.ExpectMsg<SubscribeAck>(timeout: Wait);
        var service = new TestProbe(cluster[1].System);
        var key = new ServiceKey<string>("svc");
        cluster[1].Receptionist.Tell(new Register(key, service.Ref, service.Ref), null);
        service.ExpectMsg<Registered>(timeout: Wait);
        for (var i = 0; i < 3; i++)
        {
            await ReplicatedState.Get(cluster[i].System).UpdateAsync($"k{i}", $"{{\"n\":{i}}}");
        }

        PubSubClusterTests.AwaitTopicNodes(cluster, "t", 1);
        TestKit.TestKit.AwaitAssert(() =>
        {
            foreach (var node in cluster.Nodes)
            {
                var probe = new TestProbe(node.System);
                node.Receptionist.Tell(new Find(key, probe.Ref), null);
                probe.ExpectMsg<Listing>(timeout: Wait).Services.Should().ContainSingle($"{node.System.Name} lists the service");
            }
        }, Wait, TimeSpan.FromMilliseconds(50));
        ReplicatedStateClusterTests.AwaitConverged(cluster).Entries.Should().HaveCount(3);
    }
}

/// <summary>A new link to a peer resends the whole map: pushes lost with a broken link leave gaps version vectors cannot see.</summary>
public sealed class LinkUpResyncTests
{
    private const int Never = 60_000;

    [Fact]
    public async Task When_a_link_to_a_peer_comes_up_the_peer_gets_the_whole_map()
    {
        await using var cluster = await ToolsCluster.StartAsync(2, "lu", gossipMs: Never, deltaMs: Never);
        ReplicatedStateClusterTests.AwaitConverged(cluster);
        await ReplicatedState.Get(cluster[0].System).UpdateAsync("k", "{\"n\":1}"); // neither pushed nor gossiped: both intervals are a minute

        var b = Remote.Remoting.Get(cluster[1].System).Address;
        cluster[0].System.EventStream.Publish(new Remote.PeerConnected(new Remote.NodeIdentity(b.System, b.Host, b.Port, 1, [])));

        ReplicatedStateClusterTests.AwaitConverged(cluster).Entries.Should().ContainKey("k");
    }
}
