using IotActors.Actors;
using IotActors.Remote.Security;
using IotActors.Remote.Tests.Support;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote.Tests.RemoteActors;

public sealed class RemoteSecurityTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Unknown_manifest_is_dropped_while_the_link_stays_up()
    {
        await using var a = await RemotingNode.StartAsync("alpha", registry: RemotingMessages.Registry(withExtra: true));
        await using var b = await RemotingNode.StartAsync("beta");
        b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = a.Resolve(b, "/user/echo");

        a.Probe.Send(echo, new NotRegisteredEverywhere(1));
        a.Probe.Send(echo, new Echo("still here"));

        a.Probe.ExpectMsg(new Echo("still here"), Long);
        b.Remoting.Transport.Metrics.UnknownManifestDropped.Should().Be(1);
        b.Remoting.Transport.Metrics.LinkErrors.Should().Be(0);
    }

    [Fact]
    public async Task Role_policy_from_the_registry_rejects_senders_without_the_role_and_logs_it()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        await using var sensor = await RemotingNode.StartAsync("sensor", s => s with { Roles = ["sensor"] });
        await using var controller = await RemotingNode.StartAsync("controller", s => s with { Roles = ["controller"] });
        a.System.ActorOf(Props.Create(() => new RelayActor(a.Probe.Ref)), "actuator");

        sensor.Resolve(a, "/user/actuator").Tell(new Command("open from sensor"), null);
        controller.Resolve(a, "/user/actuator").Tell(new Command("open from controller"), null);

        a.Probe.ExpectMsg(new Command("open from controller"), Long);
        TestKit.TestKit.AwaitCondition(() => a.Remoting.Transport.Metrics.PolicyRejected == 1, Long);
        // The metric is counted just before the warning is logged: wait for the line rather than read it at once.
        TestKit.TestKit.AwaitCondition(() => a.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("t.Command")), Long);
        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Wrong_cluster_secret_gives_no_delivery()
    {
        await using var a = await RemotingNode.StartAsync("alpha");
        await using var intruder = await RemotingNode.StartAsync("intruder", secret: ClusterSecret.Generate());
        a.System.ActorOf(Props.Create(() => new RelayActor(a.Probe.Ref)), "actuator");

        intruder.Resolve(a, "/user/actuator").Tell(new Echo("let me in"), null);

        TestKit.TestKit.AwaitCondition(() => a.Remoting.Transport.Metrics.HandshakeFailures >= 1, Long);
        a.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        a.Remoting.Transport.Metrics.EnvelopesDelivered.Should().Be(0);
    }
}
