using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.TestKit;

namespace IotActors.Cluster.Tests.Actors;

[Collection("cluster-actors")]
public sealed class MembershipTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Three_systems_joining_through_a_seed_all_see_three_Up_and_the_same_leader()
    {
        await using var a = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        a.Cluster.Join(a.Address);
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a), Deadline, "the first node forms the cluster");
        await using var b = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        await using var c = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        b.Cluster.Join(a.Address);
        c.Cluster.Join(b.Address);

        ClusterTestNode[] all = [a, b, c];
        TestKit.TestKit.AwaitCondition(() => all.All(n => n.SeesAllUp(all)), Deadline, "three Up everywhere");
        var leader = all.Min(n => n.Cluster.SelfAddress);
        TestKit.TestKit.AwaitCondition(() => all.All(n => Equals(n.Cluster.State.Leader, leader)), Deadline, "same leader everywhere");
        all.Should().OnlyContain(n => n.Cluster.State.ClusterId == a.Cluster.State.ClusterId);
    }

    [Fact]
    public async Task Subscriber_gets_the_state_snapshot_first_then_MemberUp_of_a_joining_node()
    {
        await using var a = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        a.Cluster.Join(a.Address);
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a), Deadline);
        a.SubscribeProbe();
        var snapshot = a.Probe.ExpectMsg<CurrentClusterState>(timeout: TimeSpan.FromSeconds(5));
        snapshot.Members.Should().ContainSingle(m => m.Address.Equals(a.Cluster.SelfAddress) && m.Status == MemberStatus.Up);

        await using var b = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        b.Cluster.Join(a.Address);
        a.Probe.ExpectMsg<MemberJoined>(e => e.Member.Address.Equals(b.Cluster.SelfAddress), Deadline);
        a.Probe.ExpectMsg<MemberUp>(e => e.Member.Address.Equals(b.Cluster.SelfAddress), Deadline);
    }

    [Fact]
    public async Task Graceful_leave_goes_Leaving_Exiting_Removed_with_no_unreachable_event()
    {
        var settings = ClusterTestNode.FastSettings();
        await using var a = await ClusterTestNode.StartAsync(settings);
        a.Cluster.Join(a.Address);
        await using var b = await ClusterTestNode.StartAsync(settings);
        await using var c = await ClusterTestNode.StartAsync(settings);
        b.Cluster.Join(a.Address);
        c.Cluster.Join(a.Address);
        ClusterTestNode[] all = [a, b, c];
        TestKit.TestKit.AwaitCondition(() => all.All(n => n.SeesAllUp(all)), Deadline);
        a.SubscribeProbe(snapshot: false);
        var leaver = c.Cluster.SelfAddress;

        (await c.Cluster.LeaveAsync(Deadline)).Should().BeTrue("the leaving node is Removed before the timeout");

        // A node publishes the diff to the status it last saw, so a fast leader may fold Leaving into Exiting here.
        var events = a.EventsUntil(e => e is MemberRemoved r && r.Member.Address.Equals(leaver), Deadline);
        var statuses = StatusesOf(events, leaver);
        statuses.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.BeSubsetOf([MemberStatus.Leaving, MemberStatus.Exiting, MemberStatus.Removed]);
        ((MemberRemoved)events[^1]).PreviousStatus.Should().Be(MemberStatus.Exiting, "a node that left is removed from Exiting, not Down");
        TestKit.TestKit.AwaitCondition(() => b.SeesAllUp(a, b) && a.SeesAllUp(a, b), Deadline);
        c.Cluster.State.IsMember.Should().BeFalse();
        await c.System.Terminate();
        a.Probe.ExpectNoMsg(TimeSpan.FromSeconds(2));
        all.Should().OnlyContain(n => !n.LogContains("UnreachableMember"));
    }

    [Fact]
    public async Task A_stopped_member_is_marked_unreachable_then_downed_and_removed_by_the_majority()
    {
        var settings = ClusterTestNode.FastSettings();
        await using var a = await ClusterTestNode.StartAsync(settings);
        a.Cluster.Join(a.Address);
        await using var b = await ClusterTestNode.StartAsync(settings);
        var c = await ClusterTestNode.StartAsync(settings);
        b.Cluster.Join(a.Address);
        c.Cluster.Join(a.Address);
        TestKit.TestKit.AwaitCondition(() => new[] { a, b, c }.All(n => n.SeesAllUp(a, b, c)), Deadline);
        b.SubscribeProbe(snapshot: false);
        var victim = c.Cluster.SelfAddress;

        await c.DisposeAsync();

        var events = b.EventsUntil(e => e is MemberRemoved r && r.Member.Address.Equals(victim), Deadline);
        events.OfType<UnreachableMember>().Should().Contain(u => u.Member.Address.Equals(victim), "b's detector or the gossip marks the stopped node unreachable");
        StatusesOf(events, victim).Should().Equal(MemberStatus.Down, MemberStatus.Removed);
        ((MemberRemoved)events[^1]).PreviousStatus.Should().Be(MemberStatus.Down);
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a, b) && b.SeesAllUp(a, b) && a.Cluster.State.Unreachable.IsEmpty, Deadline);
    }

    [Fact]
    public async Task A_member_that_never_answers_a_heartbeat_is_still_marked_unreachable()
    {
        var settings = ClusterTestNode.FastSettings();
        await using var a = await ClusterTestNode.StartAsync(settings);
        a.Cluster.Join(a.Address);
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a), Deadline);
        await using var mute = await ClusterTestNode.StartAsync(settings);
        // Without its heartbeat actor the node gossips and joins but never answers a heartbeat (like a node dying right after joining).
        TestKit.TestKit.AwaitCondition(() => mute.LogContains("started (discovery"), Deadline, "the daemon created its heartbeat actor");
        var heartbeat = mute.System.ResolveActorRef(mute.Address + "/system/cluster/heartbeat");
        mute.Probe.Watch(heartbeat);
        heartbeat.Tell(PoisonPill.Instance, null);
        mute.Probe.ExpectTerminated(heartbeat, Deadline);
        a.SubscribeProbe(snapshot: false);

        mute.Cluster.Join(a.Address);

        var events = a.EventsUntil(e => e is UnreachableMember u && u.Member.Address.Equals(mute.Cluster.SelfAddress), Deadline);
        events.OfType<UnreachableMember>().Should().ContainSingle();
    }

    [Fact]
    public async Task A_node_restarted_on_the_same_address_joins_as_a_new_incarnation_and_the_old_one_is_removed()
    {
        var settings = ClusterTestNode.FastSettings();
        await using var a = await ClusterTestNode.StartAsync(settings);
        a.Cluster.Join(a.Address);
        var b = await ClusterTestNode.StartAsync(settings);
        b.Cluster.Join(a.Address);
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a, b), Deadline);
        var port = b.Address.Port;
        var old = b.Cluster.SelfAddress;
        await b.DisposeAsync();

        await using var again = await ClusterTestNode.StartAsync(settings, port);
        again.Cluster.Join(a.Address);

        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a, again) && again.SeesAllUp(a, again), Deadline, "the new incarnation is Up");
        again.Cluster.SelfAddress.Incarnation.Should().NotBe(old.Incarnation);
        a.Cluster.State.Members.Should().NotContain(m => m.Address.Equals(old));
    }

    [Fact]
    public async Task A_member_downed_by_hand_is_removed_and_rejoins_through_its_seed_as_a_new_incarnation()
    {
        await using var a = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        a.Cluster.Join(a.Address);
        await using var b = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings(a.Address.ToString()));
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a, b) && b.SeesAllUp(a, b), Deadline, "b joins through its seed list");
        var first = b.Cluster.SelfAddress;

        a.Cluster.Down(b.Address);

        TestKit.TestKit.AwaitCondition(() => b.Cluster.Metrics.Rejoins == 1, Deadline, "b notices it was downed");
        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a, b) && b.SeesAllUp(a, b), Deadline, "b is back as a new incarnation");
        b.Cluster.SelfAddress.Should().NotBe(first);
        a.Cluster.State.Members.Should().NotContain(m => m.Address.Equals(first));
    }

    [Fact]
    public async Task Leave_of_a_node_that_is_not_a_member_completes_at_once()
    {
        await using var a = await ClusterTestNode.StartAsync(ClusterTestNode.FastSettings());
        (await a.Cluster.LeaveAsync(TimeSpan.FromSeconds(1))).Should().BeTrue();
        a.Cluster.State.IsMember.Should().BeFalse();
    }

    /// <summary>The status changes that <paramref name="events"/> report for <paramref name="member"/>, in order (reachability events excluded).</summary>
    private static List<MemberStatus> StatusesOf(IReadOnlyList<ClusterEvent> events, UniqueAddress member) =>
        events.OfType<MemberEvent>()
            .Where(e => e is not (UnreachableMember or ReachableMember) && e.Member.Address.Equals(member))
            .Select(e => e.Member.Status)
            .ToList();
}

[CollectionDefinition("cluster-actors", DisableParallelization = true)]
public sealed class ClusterActorsCollection;
