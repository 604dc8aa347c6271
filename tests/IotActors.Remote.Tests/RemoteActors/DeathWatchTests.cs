using IotActors.Actors;
using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.RemoteActors;

public sealed class DeathWatchTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Watching_a_remote_actor_gives_Terminated_when_it_stops()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        await using var b = await RemotingNode.StartAsync("beta");
        var echoOnB = b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = a.Resolve(b, "/user/echo");
        a.Probe.Watch(echo);
        TestKit.TestKit.AwaitCondition(() => b.Remoting.WatchCount == 1, Long);

        b.System.Stop(echoOnB);

        var terminated = a.Probe.ExpectTerminated(echo, Long);
        terminated.ExistenceConfirmed.Should().BeTrue();
        terminated.AddressTerminated.Should().BeFalse();
        TestKit.TestKit.AwaitCondition(() => a.Remoting.WatchCount == 0 && b.Remoting.WatchCount == 0, Long);
    }

    [Fact]
    public async Task Actor_watching_a_remote_actor_gets_Terminated_in_its_behavior()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        await using var b = await RemotingNode.StartAsync("beta");
        var echoOnB = b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = a.Resolve(b, "/user/echo");
        a.System.ActorOf(Props.Create(() => new WatchingActor(echo, a.Probe.Ref)), "watcher");
        a.Probe.ExpectMsg("watching", Long);
        TestKit.TestKit.AwaitCondition(() => b.Remoting.WatchCount == 1, Long);

        echoOnB.Tell(PoisonPill.Instance, null);

        a.Probe.ExpectMsg<Terminated>(t => t.ActorRef.Equals(echo), Long);
    }

    [Fact]
    public async Task Unwatch_stops_the_remote_notification()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        await using var b = await RemotingNode.StartAsync("beta");
        var echoOnB = b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = a.Resolve(b, "/user/echo");
        a.Probe.Watch(echo);
        TestKit.TestKit.AwaitCondition(() => b.Remoting.WatchCount == 1, Long);
        a.Probe.Unwatch(echo);
        TestKit.TestKit.AwaitCondition(() => b.Remoting.WatchCount == 0, Long);

        b.System.Stop(echoOnB);

        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Watching_a_remote_actor_that_does_not_exist_gives_Terminated_at_once()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        await using var b = await RemotingNode.StartAsync("beta");
        var ghost = a.Resolve(b, "/user/ghost");
        a.Probe.Watch(ghost);
        var terminated = a.Probe.ExpectTerminated(ghost, Long);
        terminated.ExistenceConfirmed.Should().BeFalse();
    }

    [Fact]
    public async Task Node_death_gives_every_watcher_Terminated_with_AddressTerminated_once()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        var b = await RemotingNode.StartAsync("beta");
        b.System.ActorOf(Props.Create<EchoActor>(), "one");
        b.System.ActorOf(Props.Create<EchoActor>(), "two");
        var one = a.Resolve(b, "/user/one");
        var two = a.Resolve(b, "/user/two");
        var other = new TestKit.TestProbe(a.System, "other");
        a.Probe.Watch(one);
        a.Probe.Watch(two);
        other.Watch(one);
        TestKit.TestKit.AwaitCondition(() => b.Remoting.WatchCount == 3, Long);

        await b.Remoting.Transport.DisposeAsync(); // the node vanishes without a word

        var seen = a.Probe.ReceiveN(2, Long).Cast<Terminated>().ToList();
        seen.Select(t => t.ActorRef).Should().BeEquivalentTo(new[] { one, two });
        seen.Should().OnlyContain(t => t.AddressTerminated);
        other.ExpectTerminated(one, Long).AddressTerminated.Should().BeTrue();
        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        a.Remoting.Metrics.AddressTerminations.Should().BeGreaterThanOrEqualTo(1);
        await b.DisposeAsync();
    }

    [Fact]
    public async Task Restarted_peer_quarantines_old_refs_and_new_refs_work()
    {
        await using var a = await RemotingNode.StartAsync("alpha", s => s with { AcceptableHeartbeatPause = TimeSpan.FromSeconds(30) });
        var b1 = await RemotingNode.StartAsync("beta");
        int port = b1.Address.Port;
        b1.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var oldEcho = await a.System.ActorSelection(b1.PathOf("/user/echo")).ResolveOne(Long);
        oldEcho.Path.Uid.Should().NotBe(0);
        a.Probe.Watch(oldEcho);
        TestKit.TestKit.AwaitCondition(() => b1.Remoting.WatchCount == 1, Long);
        await b1.Remoting.Transport.DisposeAsync();
        await b1.DisposeAsync();

        await using var b2 = await RemotingNode.StartAsync("beta", s => s with { Port = port });
        b2.System.ActorOf(Props.Create<EchoActor>(), "echo");
        oldEcho.Tell(new Echo("to the old incarnation"), a.Probe.Ref); // makes a redial; the stale uid is never delivered

        var terminated = a.Probe.ExpectMsg<Terminated>(t => t.ActorRef.Equals(oldEcho), Long);
        terminated.AddressTerminated.Should().BeTrue();
        oldEcho.Tell(new Echo("after quarantine"), a.Probe.Ref);
        a.Remoting.Metrics.QuarantinedDrops.Should().Be(1);

        var newEcho = a.Resolve(b2, "/user/echo");
        a.Probe.Send(newEcho, new Echo("new incarnation"));
        a.Probe.ExpectMsg(new Echo("new incarnation"), Long);
        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed class WatchingActor : ReceiveActor
    {
        public WatchingActor(IActorRef subject, IActorRef probe)
        {
            Receive<Terminated>(t => probe.Tell(t, Self));
            Context.Watch(subject);
            probe.Tell("watching", Self);
        }
    }
}
