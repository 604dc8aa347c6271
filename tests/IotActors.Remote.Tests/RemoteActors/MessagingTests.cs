using IotActors.Actors;
using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.RemoteActors;

public sealed class MessagingTests : IAsyncLifetime
{
    private RemotingNode _a = null!;
    private RemotingNode _b = null!;

    public async Task InitializeAsync()
    {
        _a = await RemotingNode.StartAsync("alpha");
        _b = await RemotingNode.StartAsync("beta", s => s with { Roles = ["sensor"] });
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public void Address_has_the_iot_system_at_host_port_form()
    {
        _a.System.Address.ToString().Should().Be($"iot://alpha@127.0.0.1:{_a.Address.Port}");
        _a.Address.Port.Should().BeGreaterThan(0);
        Remoting.Get(_a.System).Should().BeSameAs(_a.Remoting);
    }

    [Fact]
    public void Tell_reaches_remote_actor_and_its_reply_comes_back_through_the_remote_sender()
    {
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = _a.Resolve(_b, "/user/echo");
        echo.Should().BeOfType<RemoteActorRef>();
        _a.Probe.Send(echo, new Echo("hello"));
        _a.Probe.ExpectMsg(new Echo("hello"));
        _a.Probe.LastSender!.Path.ToString().Should().Be(_b.PathOf("/user/echo"));
    }

    [Fact]
    public async Task Ask_across_nodes_gets_the_reply_through_a_temporary_ref()
    {
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = _a.Resolve(_b, "/user/echo");
        var reply = await echo.Ask<Echo>(new Echo("ask"), TimeSpan.FromSeconds(5));
        reply.Should().Be(new Echo("ask"));
    }

    [Fact]
    public async Task Ask_reply_with_Status_Failure_faults_the_task_on_the_asking_node()
    {
        _b.System.ActorOf(Props.Create(() => new FailingResponder()), "failing");
        var failing = _a.Resolve(_b, "/user/failing");
        var act = () => failing.Ask<Echo>(new Echo("x"), TimeSpan.FromSeconds(5));
        (await act.Should().ThrowAsync<RemoteFailureException>()).Which.Message.Should().Contain("boom");
    }

    [Fact]
    public void Forward_on_a_remote_node_keeps_the_original_sender()
    {
        var echoOnA = _a.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echoSeenFromB = _b.Resolve(_a, "/user/echo");
        _b.System.ActorOf(Props.Create(() => new ForwardActor(echoSeenFromB)), "forwarder");
        var forwarder = _a.Resolve(_b, "/user/forwarder");
        _a.Probe.Send(forwarder, new Echo("via b"));
        _a.Probe.ExpectMsg(new Echo("via b"));
        _a.Probe.LastSender.Should().Be(echoOnA);
    }

    [Fact]
    public void Refs_inside_messages_resolve_on_arrival_and_still_work()
    {
        var relayOnB = _b.System.ActorOf(Props.Create(() => new RelayActor(_b.Probe.Ref)), "relay");
        var relay = _a.Resolve(_b, "/user/relay");
        relay.Tell(new ReplyTo(_a.Probe.Ref, "back to a"), null);
        _a.Probe.ExpectMsg(new Echo("back to a"));
        _a.Probe.LastSender!.Path.Should().Be(relay.Path);

        var members = new Introduce([_a.Probe.Ref, relay]);
        relay.Tell(members, _a.Probe.Ref);
        var arrived = _b.Probe.ExpectMsg<Introduce>();
        arrived.Members[0].Should().BeOfType<RemoteActorRef>().And.Be(_b.System.ResolveActorRef(_a.Probe.Ref.Path.ToSerializationFormatWithAddress(_a.System.Address)));
        arrived.Members[1].Should().Be(relayOnB, "a ref that comes home resolves to the local actor");
    }

    [Fact]
    public async Task ActorSelection_of_a_remote_path_tells_and_resolves_through_Identify()
    {
        var echoOnB = _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var selection = _a.System.ActorSelection(_b.PathOf("/user/echo"));
        selection.Tell(new Echo("selected"), _a.Probe.Ref);
        _a.Probe.ExpectMsg(new Echo("selected"));

        var resolved = await selection.ResolveOne(TimeSpan.FromSeconds(5));
        resolved.Path.Uid.Should().Be(echoOnB.Path.Uid);
        resolved.Should().BeOfType<RemoteActorRef>();

        var missing = () => _a.System.ActorSelection(_b.PathOf("/user/nobody-here")).ResolveOne(TimeSpan.FromSeconds(5));
        await missing.Should().ThrowAsync<ActorNotFoundException>();
    }

    [Fact]
    public void Messages_keep_their_order_per_sender_receiver_pair_under_load()
    {
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = _a.Resolve(_b, "/user/echo");
        const int count = 5000;
        for (int i = 0; i < count; i++) _a.Probe.Send(echo, new Numbered(i));
        var received = _a.Probe.ReceiveN(count, TimeSpan.FromSeconds(30));
        received.Cast<Numbered>().Select(n => n.Seq).Should().Equal(Enumerable.Range(0, count));
    }

    [Fact]
    public void Message_for_an_unknown_recipient_goes_to_dead_letters_and_is_counted()
    {
        var ghost = _a.Resolve(_b, "/user/ghost");
        ghost.Tell(new Echo("nobody"), null);
        TestKit.TestKit.AwaitCondition(() => _b.Remoting.Metrics.UnknownRecipients == 1);
        TestKit.TestKit.AwaitCondition(() => _b.System.DeadLetterCount >= 1); // counted when the dead letter is delivered, just after the metric
    }

    [Fact]
    public void Unregistered_message_type_goes_to_dead_letters_without_throwing()
    {
        var echo = _a.Resolve(_b, "/user/echo");
        var act = () => echo.Tell(new NeverRegistered(1), null);
        act.Should().NotThrow();
        _a.Remoting.Metrics.SerializationFailures.Should().Be(1);
        _a.System.DeadLetterCount.Should().Be(1);
    }

    [Fact]
    public void Authenticated_message_carries_the_senders_node_and_roles_not_what_the_payload_claims()
    {
        _a.System.ActorOf(Props.Create(() => new RelayActor(_a.Probe.Ref)), "relay");
        var relay = _b.Resolve(_a, "/user/relay");
        var spoofed = new SecuredCommand("open") { Origin = new NodeIdentity("evil", "10.0.0.1", 1, 1, ["controller"]) };
        relay.Tell(spoofed, null);
        var arrived = _a.Probe.ExpectMsg<SecuredCommand>();
        arrived.Origin.Should().NotBeNull();
        arrived.Origin!.Address.Should().Be(_b.Address);
        arrived.Origin.Roles.Should().Equal("sensor");
    }

    private sealed class FailingResponder : ReceiveActor
    {
        public FailingResponder() => ReceiveAny(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("boom")), Self));
    }
}
