using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;
using IotActors.TestKit;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>The tools following real cluster membership (Cluster.Start + Join) instead of a fed one.</summary>
public sealed class RealClusterToolsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Tools_started_after_the_cluster_follow_its_membership()
    {
        var settings = new ClusterSettings
        {
            GossipInterval = TimeSpan.FromMilliseconds(100),
            LeaderActionsInterval = TimeSpan.FromMilliseconds(100),
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            JoinRetryInterval = TimeSpan.FromMilliseconds(300),
        };
        await using var a = await ToolsNode.StartClusteredAsync("rc", settings);
        await using var b = await ToolsNode.StartClusteredAsync("rc", settings); // cluster members share one system name, as in Akka
        var seed = Remote.Remoting.Get(a.System).Address;
        Cluster.Get(a.System).Join(seed);
        Cluster.Get(b.System).Join(seed);
        try
        {
            TestKit.TestKit.AwaitCondition(() => Cluster.Get(a.System).State.Members.Count(m => m.Status == global::IotActors.Cluster.Membership.MemberStatus.Up) == 2, Wait);
        }
        catch (TestKitAssertionException e)
        {
            throw new TestKitAssertionException(e.Message + " members: " + string.Join("; ", Cluster.Get(a.System).State.Members) + " logs: " +
                string.Join(" | ", a.Logs.Entries.Concat(b.Logs.Entries).Select(l => l.Category + ": " + l.Message).Take(30)));
        }

        var probe = new TestProbe(b.System);
        b.Mediator.Tell(new Subscribe("t", probe.Ref), null);
        probe.ExpectMsg<SubscribeAck>(timeout: Wait);
        TestKit.TestKit.AwaitAssert(() =>
        {
            a.Mediator.Tell(new Publish("t", new Note("via-cluster")), null);
            probe.ExpectMsg<Note>(timeout: TimeSpan.FromMilliseconds(300));
        }, Wait);

        await ReplicatedState.Get(a.System).UpdateAsync("k", "1");
        TestKit.TestKit.AwaitAssert(
            () => ReplicatedState.Get(b.System).GetAsync("k").GetAwaiter().GetResult().Should().NotBeNull(), Wait);
        (await ReplicatedState.Get(b.System).GetAsync("k"))!.Version.Node.Should().Be(Cluster.Get(a.System).SelfAddress.VersionKey);
    }
}
