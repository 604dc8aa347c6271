using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.Transport;

public sealed class ExchangeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_endpoints_exchange_envelopes_both_ways_with_authenticated_sender(bool tls)
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a", tls) with { Roles = ["controller"] });
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b", tls) with { Roles = ["sensor"] });

        a.Transport.Send(b.Address, "/user/fan", new SetActive("fan1", true), "/user/ctl");
        b.Transport.Send(a.Address, "/user/ctl", new Ping(1, "b"));

        await Await.UntilAsync(() => a.Received.Count == 1 && b.Received.Count == 1);
        var atB = b.Received.Single();
        atB.Message.Should().Be(new SetActive("fan1", true));
        atB.Sender.Should().Be(a.Transport.LocalIdentity);
        atB.Sender.Roles.Should().Equal("controller");
        atB.Envelope.RecipientPath.Should().Be("/user/fan");
        atB.Envelope.SenderPath.Should().Be("/user/ctl");
        var atA = a.Received.Single();
        atA.Message.Should().Be(new Ping(1, "b"));
        atA.Sender.Roles.Should().Equal("sensor");
    }

    [Fact]
    public async Task Three_endpoints_each_reach_the_other_two()
    {
        var nodes = new List<TestNode>();
        try
        {
            foreach (var name in new[] { "a", "b", "c" }) nodes.Add(await TestNodes.StartAsync(TestNodes.Settings(name)));
            foreach (var from in nodes)
                foreach (var to in nodes.Where(n => n != from))
                    from.Transport.Send(to.Address, "/user/x", new Ping(0, from.Transport.Settings.SystemName));

            await Await.UntilAsync(() => nodes.All(n => n.Received.Count == 2));
            foreach (var node in nodes)
            {
                node.Received.Select(r => r.Sender.System).Should().BeEquivalentTo(
                    nodes.Where(n => n != node).Select(n => n.Transport.Settings.SystemName));
                node.Received.Should().OnlyContain(r => ((Ping)r.Message).From == r.Sender.System);
            }
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Order_is_kept_per_pair_under_load_in_both_directions()
    {
        const int count = 100_000;
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a") with { OutboundQueueCapacity = count });
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b") with { OutboundQueueCapacity = count });
        Task Pump(TestNode from, TestNode to) => Task.Run(() =>
        {
            for (long i = 1; i <= count; i++) from.Transport.Send(to.Address, "/user/seq", i);
        });

        await Task.WhenAll(Pump(a, b), Pump(b, a));

        await Await.UntilAsync(() => a.Received.Count == count && b.Received.Count == count, 40_000,
            () => $"a={a.Received.Count} b={b.Received.Count}");
        a.Received.Select(r => (long)r.Message).Should().Equal(Enumerable.Range(1, count).Select(i => (long)i));
        b.Received.Select(r => (long)r.Message).Should().Equal(Enumerable.Range(1, count).Select(i => (long)i));
        a.Transport.Metrics.UserMessagesDroppedQueueFull.Should().Be(0);
    }
}
