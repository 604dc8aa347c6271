using IotActors.Actors;
using IotActors.Cluster.Tools.Registry;
using IotActors.TestKit;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>The receptionist across actor systems on loopback.</summary>
public sealed class RegistryClusterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly ServiceKey<Note> Fan = new("actuator:fan-1");

    [Fact]
    public async Task A_controller_finds_an_actuator_registered_on_another_node()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "rg-find");
        var actuatorProbe = new TestProbe(cluster[2].System);
        var actuator = cluster[2].System.ActorOf(Props.Create(() => new Forwarder(actuatorProbe.Ref)), "fan-1");
        cluster[2].Receptionist.Tell(new Register(Fan, actuator, actuatorProbe.Ref), null);
        actuatorProbe.ExpectMsg<Registered>(timeout: Wait);

        var controller = new TestProbe(cluster[0].System);
        TestKit.TestKit.AwaitAssert(() =>
        {
            cluster[0].Receptionist.Tell(new Find(Fan), controller.Ref);
            controller.ExpectMsg<Listing>(timeout: Wait).Services.Should().ContainSingle();
        }, Wait, TimeSpan.FromMilliseconds(50));

        controller.LastMessage.As<Listing>().Services[0].Tell(new Note("on"), null);
        actuatorProbe.ExpectMsg<Note>(n => n.Text == "on", Wait);
    }

    [Fact]
    public async Task Subscribers_get_the_listing_then_an_update_when_the_actor_stops()
    {
        await using var cluster = await ToolsCluster.StartAsync(2, "rg-stop");
        var subscriber = new TestProbe(cluster[0].System);
        cluster[0].Receptionist.Tell(new SubscribeService(Fan, subscriber.Ref), null);
        subscriber.ExpectMsg<Listing>(l => l.Services.IsEmpty, Wait);

        var actuator = cluster[1].System.ActorOf(Props.Create(() => new Forwarder(cluster[1].System.DeadLetters)), "fan-1");
        cluster[1].Receptionist.Tell(new Register(Fan, actuator), null);
        subscriber.ExpectMsg<Listing>(l => l.Services.Length == 1, Wait);

        actuator.Tell(PoisonPill.Instance, null);

        subscriber.ExpectMsg<Listing>(l => l.Services.IsEmpty, Wait);
    }

    [Fact]
    public async Task Listing_drops_the_services_of_a_removed_node()
    {
        await using var cluster = await ToolsCluster.StartAsync(3, "rg-node");
        var subscriber = new TestProbe(cluster[0].System);
        cluster[0].Receptionist.Tell(new SubscribeService(Fan, subscriber.Ref), null);
        subscriber.ExpectMsg<Listing>(l => l.Services.IsEmpty, Wait);
        foreach (var i in new[] { 1, 2 })
        {
            var actuator = cluster[i].System.ActorOf(Props.Create(() => new Forwarder(cluster[i].System.DeadLetters)), "fan-1");
            cluster[i].Receptionist.Tell(new Register(Fan, actuator), null);
        }

        subscriber.FishForMessage(m => m is Listing { Services.Length: 2 }, Wait);

        await cluster.RemoveAsync(cluster[2]);

        var after = (Listing)subscriber.FishForMessage(m => m is Listing { Services.Length: 1 }, Wait);
        after.Services[0].Path.Address.Port.Should().Be(cluster[1].System.Address.Port);
    }

    [Fact]
    public async Task Services_of_an_unreachable_node_leave_the_listing_and_return_when_it_is_reachable()
    {
        await using var cluster = await ToolsCluster.StartAsync(2, "rg-unreach");
        var subscriber = new TestProbe(cluster[0].System);
        cluster[0].Receptionist.Tell(new SubscribeService(Fan, subscriber.Ref), null);
        var actuator = cluster[1].System.ActorOf(Props.Create(() => new Forwarder(cluster[1].System.DeadLetters)), "fan-1");
        cluster[1].Receptionist.Tell(new Register(Fan, actuator), null);
        subscriber.FishForMessage(m => m is Listing { Services.Length: 1 }, Wait);

        cluster.Partition([cluster[0]], [cluster[1]]);
        subscriber.ExpectMsg<Listing>(l => l.Services.IsEmpty, Wait);

        cluster.Heal([cluster[0]], [cluster[1]]);
        subscriber.ExpectMsg<Listing>(l => l.Services.Length == 1, Wait);
    }
}
