using IotActors.Cluster.Tools.PubSub;
using IotActors.TestKit;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>Distributed pub-sub across three actor systems with remoting on loopback.</summary>
public sealed class PubSubClusterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Publish_reaches_every_subscriber_on_every_node_once()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "ps-all");
        var probes = cluster.Nodes.Select(n => Subscribe(n, "readings")).ToList();
        AwaitTopicNodes(cluster, "readings", 3);

        cluster[0].Mediator.Tell(new Publish("readings", new Note("21.5")), null);

        foreach (var probe in probes)
        {
            probe.ExpectMsg<Note>(n => n.Text == "21.5", Wait);
            probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public async Task Late_subscriber_receives_later_publishes_but_not_earlier_ones()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "ps-late");
        var early = Subscribe(cluster[1], "t");
        AwaitTopicNodes(cluster, "t", 1);
        cluster[0].Mediator.Tell(new Publish("t", new Note("first")), null);
        early.ExpectMsg<Note>(n => n.Text == "first", Wait);

        var late = Subscribe(cluster[2], "t");
        AwaitTopicNodes(cluster, "t", 2);
        cluster[0].Mediator.Tell(new Publish("t", new Note("second")), null);

        late.ExpectMsg<Note>(n => n.Text == "second", Wait);
        early.ExpectMsg<Note>(n => n.Text == "second", Wait);
    }

    [Fact]
    public async Task Subscribers_of_a_removed_node_are_pruned_and_publishing_goes_on_without_errors()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "ps-prune");
        var survivor = Subscribe(cluster[1], "t");
        Subscribe(cluster[2], "t");
        AwaitTopicNodes(cluster, "t", 2);

        await cluster.RemoveAsync(cluster[2]);

        AwaitTopicNodes(cluster, "t", 1);
        cluster[0].Mediator.Tell(new Publish("t", new Note("after")), null);
        survivor.ExpectMsg<Note>(n => n.Text == "after", Wait);
        cluster.Nodes.SelectMany(n => n.Logs.Entries).Should().NotContain(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task A_stopped_subscriber_is_removed_from_the_topic_on_every_node()
    {
        await using var cluster = await ToolsCluster.StartAsync(2, "ps-stop");
        var probe = new TestProbe(cluster[1].System);
        var subscriber = cluster[1].System.ActorOf(IotActors.Actors.Props.Create(() => new Forwarder(probe.Ref)), "sub");
        cluster[1].Mediator.Tell(new Subscribe("t", subscriber), probe.Ref);
        AwaitTopicNodes(cluster, "t", 1);

        subscriber.Tell(IotActors.Actors.PoisonPill.Instance, null);

        AwaitTopicNodes(cluster, "t", 0);
    }

    [Fact]
    public async Task Send_prefers_the_local_actor_and_else_reaches_one_on_another_node()
    {
        await using var cluster = await ToolsCluster.StartAsync(2, "ps-send");
        var remoteProbe = new TestProbe(cluster[1].System);
        var remoteActor = cluster[1].System.ActorOf(IotActors.Actors.Props.Create(() => new Forwarder(remoteProbe.Ref)), "worker");
        cluster[1].Mediator.Tell(new Put(remoteActor), null);
        TestKit.TestKit.AwaitAssert(() =>
        {
            cluster[0].Mediator.Tell(new Send("/user/worker", new Note("hi")), null);
            remoteProbe.ExpectMsg<Note>(n => n.Text == "hi", TimeSpan.FromMilliseconds(300));
        }, Wait);

        var localProbe = new TestProbe(cluster[0].System);
        var localActor = cluster[0].System.ActorOf(IotActors.Actors.Props.Create(() => new Forwarder(localProbe.Ref)), "worker");
        cluster[0].Mediator.Tell(new Put(localActor), null);
        cluster[0].Mediator.Tell(new Send("/user/worker", new Note("local")), null);
        localProbe.ExpectMsg<Note>(n => n.Text == "local", Wait);
    }

    [Fact]
    public async Task Unregistered_message_types_reach_local_subscribers_and_are_reported_for_remote_ones()
    {
        await using var cluster = await ToolsCluster.StartAsync(2, "ps-unreg");
        var local = Subscribe(cluster[0], "t");
        var remote = Subscribe(cluster[1], "t");
        AwaitTopicNodes(cluster, "t", 2);

        cluster[0].Mediator.Tell(new Publish("t", new Unregistered("x")), null);

        local.ExpectMsg<Unregistered>(timeout: Wait);
        remote.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        TestKit.TestKit.AwaitCondition(() => cluster[0].Logs.Entries.Any(e => e.Message.Contains("is not registered in the MessageRegistry")), Wait);
    }

    private static TestProbe Subscribe(ToolsNode node, string topic)
    {
        var probe = new TestProbe(node.System);
        node.Mediator.Tell(new Subscribe(topic, probe.Ref), null);
        probe.ExpectMsg<SubscribeAck>(timeout: Wait);
        return probe;
    }

    internal static void AwaitTopicNodes(ToolsCluster cluster, string topic, int count) =>
        TestKit.TestKit.AwaitAssert(() =>
        {
            foreach (var node in cluster.Nodes)
            {
                var probe = new TestProbe(node.System);
                node.Mediator.Tell(new GetTopicNodes(topic), probe.Ref);
                probe.ExpectMsg<TopicNodes>(timeout: Wait).Nodes.Should().HaveCount(count, $"node {node.System.Name} should know {count} node(s) with topic {topic}");
            }
        }, Wait, TimeSpan.FromMilliseconds(50));
}
