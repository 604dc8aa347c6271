using IotActors.Remote.Serialization;
using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.Transport;

public sealed class DeliveryTests
{
    [Fact]
    public async Task Unknown_manifest_and_bad_payload_are_dropped_and_counted_while_the_link_stays_up()
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a"));
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"));

        a.Transport.Send(b.Address, new RemoteEnvelope("/user/x", null, "System.IO.FileInfo", "{}"u8.ToArray()));
        a.Transport.Send(b.Address, new RemoteEnvelope("/user/x", null, "test.Ping", "not json"u8.ToArray()));
        a.Transport.Send(b.Address, "/user/x", new Ping(3, "a"));

        await Await.UntilAsync(() => b.Received.Count == 1);
        b.Transport.Metrics.UnknownManifestDropped.Should().Be(1);
        b.Transport.Metrics.BadPayloadDropped.Should().Be(1);
        b.Log.Contains("unknown manifest 'System.IO.FileInfo'").Should().BeTrue();
        b.Log.Lines.Should().Contain(l => l.Contains("unknown manifest") && l.Contains("iot://a@127.0.0.1"));
        b.Received.Single().Message.Should().Be(new Ping(3, "a"));
    }

    [Fact]
    public async Task Policy_rejects_manifests_from_senders_without_an_allowed_role()
    {
        var policy = new MessagePolicy().Allow("test.SetActive", "controller");
        await using var actuator = await TestNodes.StartAsync(TestNodes.Settings("actuator"), policy: policy);
        await using var sensor = await TestNodes.StartAsync(TestNodes.Settings("sensor") with { Roles = ["sensor"] });
        await using var controller = await TestNodes.StartAsync(TestNodes.Settings("controller") with { Roles = ["controller"] });

        sensor.Transport.Send(actuator.Address, "/user/fan", new SetActive("fan", true));
        sensor.Transport.Send(actuator.Address, "/user/fan", new Ping(1, "sensor"));
        controller.Transport.Send(actuator.Address, "/user/fan", new SetActive("fan", false));

        await Await.UntilAsync(() => actuator.Received.Count == 2);
        actuator.Transport.Metrics.PolicyRejected.Should().Be(1);
        actuator.Log.Contains("may not send manifest 'test.SetActive'").Should().BeTrue();
        actuator.Received.Select(r => r.Message).Should().BeEquivalentTo(new object[] { new Ping(1, "sensor"), new SetActive("fan", false) });
    }

    [Fact]
    public async Task System_messages_lost_in_transit_are_redelivered_after_a_reconnect_exactly_once()
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a"));
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"));
        a.Transport.Send(b.Address, "/user/x", new Ping(0, "warmup"));
        await Await.UntilAsync(() => b.Received.Count == 1);
        b.Transport.DropInboundSystemMessages = true;

        for (int i = 1; i <= 5; i++) a.Transport.Send(b.Address, "/system/watch", new Ping(i, "a"), isSystem: true);
        await Await.UntilAsync(() => a.Transport.Metrics.EnvelopesSent >= 6);
        a.Transport.UnackedSystemMessages(b.Address).Should().Be(5);
        b.Transport.DropInboundSystemMessages = false;
        a.Transport.AbortConnection(b.Address);

        await Await.UntilAsync(() => b.Received.Count == 6);
        b.Received.Skip(1).Select(r => ((Ping)r.Message).Seq).Should().Equal(1, 2, 3, 4, 5);
        b.Received.Skip(1).Should().OnlyContain(r => r.Envelope.IsSystem);
        await Await.UntilAsync(() => a.Transport.UnackedSystemMessages(b.Address) == 0);
    }

    [Fact]
    public async Task Peer_with_a_new_incarnation_raises_the_event_and_gets_no_redeliveries_meant_for_the_old_one()
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a"));
        var b1 = await TestNodes.StartAsync(TestNodes.Settings("b") with { IncarnationId = 1 });
        var port = b1.Address.Port;
        a.Transport.Send(b1.Address, "/user/x", new Ping(0, "hello"));
        await Await.UntilAsync(() => b1.Received.Count == 1);
        b1.Transport.DropInboundSystemMessages = true;
        for (int i = 1; i <= 3; i++) a.Transport.Send(b1.Address, "/system/watch", new Ping(i, "old"), isSystem: true);
        await Await.UntilAsync(() => a.Transport.Metrics.EnvelopesSent >= 4);
        await b1.DisposeAsync();

        await using var b2 = await TestNodes.StartAsync(TestNodes.Settings("b") with { IncarnationId = 2, Port = port });

        // The pending redeliveries make A reconnect; the handshake reveals the new incarnation.
        await Await.UntilAsync(() => a.Events.OfType<PeerIncarnationChanged>().Any());
        a.Transport.Send(b2.Address, "/system/watch", new Ping(99, "new"), isSystem: true);
        await Await.UntilAsync(() => b2.Received.Count == 1);
        b2.Received.Single().Message.Should().Be(new Ping(99, "new"));
        var changed = a.Events.OfType<PeerIncarnationChanged>().Single();
        changed.Old.IncarnationId.Should().Be(1);
        changed.New.IncarnationId.Should().Be(2);
        changed.DroppedSystemMessages.Should().Be(3);
        await Await.UntilAsync(() => a.Transport.UnackedSystemMessages(b2.Address) == 0);
        b2.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task Silent_peer_becomes_unreachable_through_the_failure_detector()
    {
        var fast = (string name) => TestNodes.Settings(name) with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
            AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(100),
            MinStdDeviation = TimeSpan.FromMilliseconds(20),
        };
        await using var a = await TestNodes.StartAsync(fast("a"));
        var b = await TestNodes.StartAsync(fast("b"));
        a.Transport.Send(b.Address, "/user/x", new Ping(0, "a"));
        await Await.UntilAsync(() => b.Received.Count == 1);

        await b.DisposeAsync();

        await Await.UntilAsync(() => a.Events.OfType<PeerUnreachable>().Any());
        a.Events.OfType<PeerUnreachable>().First().Peer.Address.Should().Be(b.Address);
    }

    [Fact]
    public async Task A_link_whose_peer_turns_unreachable_is_replaced_by_a_fresh_connection_that_carries_traffic()
    {
        var fast = (string name) => TestNodes.Settings(name) with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
            AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(100),
            MinStdDeviation = TimeSpan.FromMilliseconds(20),
            ReconnectMaxBackoff = TimeSpan.FromMilliseconds(200),
        };
        await using var a = await TestNodes.StartAsync(fast("a"));
        // b's writes stall (like a link whose retransmissions back off after a partition): a hears nothing for a while.
        await using var b = await TestNodes.StartAsync(fast("b") with { FaultInjectionDelay = (TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(800)) });
        a.Transport.Send(b.Address, "/user/x", new Ping(0, "a"));
        await Await.UntilAsync(() => b.Received.Count == 1);

        await Await.UntilAsync(() => a.Events.OfType<PeerUnreachable>().Any());
        for (int i = 1; i <= 3; i++) a.Transport.Send(b.Address, "/user/x", new Ping(i, "a"));

        await Await.UntilAsync(() => a.Events.OfType<PeerConnected>().Count() >= 2, 20_000);
        await Await.UntilAsync(() => b.Received.Count >= 2, 20_000);
    }

    [Fact]
    public async Task Simultaneous_connects_converge_on_one_link_opened_by_the_lower_address()
    {
        await using var x = await TestNodes.StartAsync(TestNodes.Settings("x"));
        await using var y = await TestNodes.StartAsync(TestNodes.Settings("y"));
        for (int i = 0; i < 20; i++)
        {
            x.Transport.Send(y.Address, "/user/p", new Ping(i, "x"));
            y.Transport.Send(x.Address, "/user/p", new Ping(i, "y"));
        }
        await Await.UntilAsync(() => x.Received.Count == 20 && y.Received.Count == 20);
        var (lower, higher) = NodeAddress.CompareOrdinal(x.Address, y.Address) < 0 ? (x, y) : (y, x);
        await Await.UntilAsync(() => lower.Events.OfType<PeerConnected>().Count() == 1 && higher.Events.OfType<PeerConnected>().Count() == 1);
        lower.Received.Select(r => ((Ping)r.Message).Seq).Should().BeInAscendingOrder();
        higher.Received.Select(r => ((Ping)r.Message).Seq).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Full_outbound_queue_drops_oldest_user_messages_and_reports_them()
    {
        var dropped = new List<UserMessageDropped>();
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a") with { OutboundQueueCapacity = 3 });
        a.Transport.UserMessageDropped += d => { lock (dropped) dropped.Add(d); };
        var nowhere = new NodeAddress("ghost", "127.0.0.1", 1);
        for (int i = 1; i <= 5; i++) a.Transport.Send(nowhere, "/user/x", new Ping(i, "a"));

        a.Transport.Metrics.UserMessagesDroppedQueueFull.Should().Be(2);
        lock (dropped) dropped.Select(d => d.Envelope.Payload.Length).Should().HaveCount(2);
    }
}
