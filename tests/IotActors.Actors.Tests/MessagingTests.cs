using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class MessagingTests : TestKit.TestKit
{
    private sealed record Seq(int Sender, int N);
    private sealed record Done(int Sender);

    /// <summary>Checks that each sender's sequence numbers arrive in order; reports violations when all senders are done.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        private readonly Dictionary<int, int> _last = new();
        private int _violations;
        private int _received;
        private int _done;

        public OrderChecker(int senders, IActorRef report)
        {
            Receive<Seq>(s =>
            {
                _received++;
                var last = _last.GetValueOrDefault(s.Sender, -1);
                if (s.N != last + 1) { _violations++; }
                _last[s.Sender] = s.N;
            });
            Receive<Done>(_ =>
            {
                if (++_done == senders) { report.Tell((_received, _violations), Self); }
            });
        }
    }

    [Fact]
    public void Messages_from_one_sender_arrive_in_send_order()
    {
        const int senders = 4, perSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(senders, TestActor.Ref)));
        Parallel.For(0, senders, s =>
        {
            for (var i = 0; i < perSender; i++) { checker.Tell(new Seq(s, i)); }
            checker.Tell(new Done(s));
        });
        ExpectMsg<(int, int)>(r => true, TimeSpan.FromSeconds(20)).Should().Be((senders * perSender, 0));
    }

    private sealed class Counter : UntypedActor
    {
        private readonly int _expected;
        private readonly IActorRef _report;
        private long _count;
        private long _sum;

        public Counter(int expected, IActorRef report) { _expected = expected; _report = report; }

        protected override void OnReceive(object message)
        {
            _count++;
            _sum += (int)message;
            if (_count == _expected) { _report.Tell((_count, _sum), Self); }
        }
    }

    [Fact]
    public void A_million_messages_through_a_chain_arrive_with_none_lost()
    {
        const int n = 1_000_000;
        var counter = Sys.ActorOf(Props.Create(() => new Counter(n, TestActor.Ref)));
        var second = Sys.ActorOf(Props.Create(() => new ForwardActor(counter)));
        var first = Sys.ActorOf(Props.Create(() => new ForwardActor(second)));
        for (var i = 0; i < n; i++) { first.Tell(i, null); }
        var (count, sum) = ExpectMsg<(long, long)>(_ => true, TimeSpan.FromSeconds(40));
        count.Should().Be(n);
        sum.Should().Be((long)n * (n - 1) / 2);
    }

    private sealed record GetSeen;

    private sealed class SeenCollector : ReceiveActor
    {
        public SeenCollector()
        {
            var seen = new HashSet<(int, int)>();
            var duplicates = 0;
            Receive<(int Sender, int N)>(m => { if (!seen.Add(m)) { duplicates++; } });
            Receive<GetSeen>(_ => Sender.Tell((seen.Count, duplicates), Self));
        }
    }

    [Fact]
    public async Task Concurrent_senders_to_many_actors_lose_and_duplicate_nothing()
    {
        const int actors = 16, senders = 8, perPair = 2_000;
        var targets = Enumerable.Range(0, actors).Select(_ => Sys.ActorOf(Props.Create<SeenCollector>())).ToArray();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perPair; i++)
            {
                foreach (var t in targets) { t.Tell((s, i)); }
            }
        })));
        foreach (var t in targets)
        {
            var (count, duplicates) = await t.Ask<(int, int)>(new GetSeen(), TimeSpan.FromSeconds(20));
            count.Should().Be(senders * perPair);
            duplicates.Should().Be(0);
        }
    }

    private sealed class ListCollector : ReceiveActor
    {
        public ListCollector()
        {
            var list = new List<int>();
            Receive<int>(list.Add);
            Receive<string>(_ => Sender.Tell(list.ToArray(), Self));
        }
    }

    [Fact]
    public void Property_any_sequence_told_from_one_sender_is_received_in_order()
    {
        var prop = FsCheck.Fluent.Prop.ForAll<int[]>(xs =>
        {
            var collector = Sys.ActorOf(Props.Create<ListCollector>());
            foreach (var x in xs) { collector.Tell(x, null); }
            var received = collector.Ask<int[]>("get", TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            Sys.Stop(collector);
            return received.SequenceEqual(xs);
        });
        FsCheck.Check.QuickThrowOnFailure(prop);
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "swap", _ => Become(Swapped));
            Receive<string>(s => Sender.Tell("normal:" + s, Self));
        }

        private void Swapped()
        {
            Receive<string>(s => s == "swap", _ => Become(() => { Receive<string>(s => Sender.Tell("normal-again:" + s, Self)); }));
            Receive<string>(s => s == "push", _ => BecomeStacked(() => Receive<string>(s2 => s2 == "pop", _ => UnbecomeStacked())));
            Receive<string>(s => Sender.Tell("swapped:" + s, Self));
        }
    }

    [Fact]
    public void Become_replaces_behavior_and_BecomeStacked_pushes_and_pops()
    {
        var a = Sys.ActorOf(Props.Create<Switcher>());
        a.Tell("x", TestActor.Ref);
        ExpectMsg("normal:x");
        a.Tell("swap", TestActor.Ref);
        a.Tell("y", TestActor.Ref);
        ExpectMsg("swapped:y");
        a.Tell("push", TestActor.Ref);
        a.Tell("ignored", TestActor.Ref);
        a.Tell("pop", TestActor.Ref);
        a.Tell("z", TestActor.Ref);
        ExpectMsg("swapped:z");
        a.Tell("swap", TestActor.Ref);
        a.Tell("w", TestActor.Ref);
        ExpectMsg("normal-again:w");
    }

    [Fact]
    public void Unhandled_messages_are_published_as_UnhandledMessage()
    {
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor.Ref);
        var a = Sys.ActorOf(Props.Create<Switcher>());
        a.Tell(42, null);
        ExpectMsg<UnhandledMessage>(u => u.Message is 42 && u.Recipient.Equals(a));
    }

    private sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor(IActorRef probe)
        {
            ReceiveAsync<int>(async n =>
            {
                probe.Tell($"start {n}");
                await Task.Delay(20);
                probe.Tell($"end {n}");
            });
        }
    }

    [Fact]
    public void ReceiveAsync_takes_the_next_message_only_after_the_task_completed()
    {
        var a = Sys.ActorOf(Props.Create(() => new AsyncActor(TestActor.Ref)));
        a.Tell(1, null);
        a.Tell(2, null);
        TestActor.ReceiveN(4).Should().Equal("start 1", "end 1", "start 2", "end 2");
    }

    private sealed class AsyncReplier : ReceiveActor
    {
        public AsyncReplier() => ReceiveAsync<string>(async s =>
        {
            await Task.Delay(10);
            Sender.Tell("after await " + s, Self);
        });
    }

    [Fact]
    public void Sender_is_preserved_across_await_in_ReceiveAsync()
    {
        var a = Sys.ActorOf(Props.Create<AsyncReplier>());
        a.Tell("x", TestActor.Ref);
        ExpectMsg("after await x");
    }

    [Fact]
    public void Actor_refs_are_equal_by_path_and_uid_and_resolvable()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        Sys.ResolveActorRef("/user/echo").Should().Be(a);
        Sys.ResolveActorRef(a.Path.ToSerializationFormat()).Should().Be(a);
        Sys.ResolveActorRef("iot://test/user/echo#1").Should().Be(Sys.DeadLetters);
        Sys.ResolveActorRef("/user/nope").Should().Be(Sys.DeadLetters);
        a.Path.ToString().Should().Be("iot://test/user/echo");
        Sys.ActorSelection("/user/echo").Tell("hi", TestActor.Ref);
        ExpectMsg("hi");
        FluentActions.Invoking(() => Sys.ActorOf(Props.Create<EchoActor>(), "echo")).Should().Throw<InvalidActorNameException>();
    }
}
