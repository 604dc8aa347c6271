using IotActors.Actors;
using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.RemoteActors;

/// <summary>Tell, ask, forward and watch against a node in a separate, real process.</summary>
public sealed class TwoProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    private static string PathAt(int port, string localPath) => $"iot://beta@127.0.0.1:{port}{localPath}";

    [Fact]
    public async Task Tell_ask_forward_and_refs_in_messages_work_across_processes()
    {
        using var beta = await TestNodeProcess.StartAsync("beta");
        await using var a = await RemotingNode.StartAsync("alpha");
        var echo = a.System.ResolveActorRef(PathAt(beta.Port, "/user/echo"));

        a.Probe.Send(echo, new Echo("tell"));
        a.Probe.ExpectMsg(new Echo("tell"), Long);

        (await echo.Ask<Echo>(new Echo("ask"), Long)).Should().Be(new Echo("ask"));

        a.Probe.Send(a.System.ResolveActorRef(PathAt(beta.Port, "/user/forwarder")), new Echo("forwarded"));
        a.Probe.ExpectMsg(new Echo("forwarded"), Long);
        a.Probe.LastSender!.Path.ToString().Should().Be(PathAt(beta.Port, "/user/echo"), "the echo replied straight to the original sender");

        var other = new TestKit.TestProbe(a.System, "other");
        echo.Tell(new ReplyTo(other.Ref, "ref in a message"), null);
        other.ExpectMsg(new Echo("ref in a message"), Long);
    }

    [Fact]
    public async Task Watched_actor_stopping_in_the_other_process_gives_Terminated()
    {
        using var beta = await TestNodeProcess.StartAsync("beta");
        await using var a = await RemotingNode.StartAsync("alpha");
        var echo = await a.System.ActorSelection(PathAt(beta.Port, "/user/echo")).ResolveOne(Long);
        a.Probe.Watch(echo);
        echo.Tell(new Echo("stop"), null);
        var terminated = a.Probe.ExpectTerminated(echo, Long);
        terminated.ExistenceConfirmed.Should().BeTrue();
        terminated.AddressTerminated.Should().BeFalse();
    }

    [Fact]
    public async Task Kill_9_of_the_peer_gives_Terminated_and_a_restart_is_a_new_incarnation_with_traffic_resuming()
    {
        var beta = await TestNodeProcess.StartAsync("beta");
        int port = beta.Port;
        await using var a = await RemotingNode.StartAsync("alpha");
        var echo = await a.System.ActorSelection(PathAt(port, "/user/echo")).ResolveOne(Long);
        a.Probe.Watch(echo);
        TestKit.TestKit.AwaitCondition(() => a.Remoting.WatchCount == 1, Long);

        beta.KillHard();
        beta.Dispose();
        var terminated = a.Probe.ExpectTerminated(echo, Long);
        terminated.AddressTerminated.Should().BeTrue();
        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        using var restarted = await TestNodeProcess.StartAsync("beta", port);
        restarted.Incarnation.Should().NotBe(beta.Incarnation);
        var fresh = await a.System.ActorSelection(PathAt(port, "/user/echo")).ResolveOne(Long);
        fresh.Path.Uid.Should().NotBe(echo.Path.Uid);
        a.Probe.Send(fresh, new Echo("again"));
        a.Probe.ExpectMsg(new Echo("again"), Long);
        a.Remoting.Transport.GetPeer(new NodeAddress("beta", "127.0.0.1", port))!.IncarnationId.Should().Be(restarted.Incarnation);

        echo.Tell(new Echo("to the dead incarnation"), a.Probe.Ref);
        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
