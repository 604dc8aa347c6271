using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class StashTests : TestKit.TestKit
{
    private sealed class Gate : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public Gate(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<string>(m => probe.Tell(m, Self)));
                Stash.UnstashAll();
            });
            Receive<string>(_ => Stash.Stash());
        }
    }

    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_before_newer_ones()
    {
        var a = Sys.ActorOf(Props.Create(() => new Gate(TestActor.Ref)));
        for (var i = 0; i < 5; i++) { a.Tell("m" + i, null); }
        a.Tell("open", null);
        a.Tell("later", null);
        TestActor.ReceiveN(6).Should().Equal("m0", "m1", "m2", "m3", "m4", "later");
    }

    private sealed class Bounded : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public Bounded(IActorRef probe)
        {
            Receive<int>(_ => Stash.Stash());
            Receive<string>(_ => probe.Tell(Stash.Count, Self));
        }
    }

    [Fact]
    public void Stash_beyond_capacity_throws_StashOverflowException()
    {
        var a = Sys.ActorOf(Props.Create(() => new Bounded(TestActor.Ref)).WithStashCapacity(2));
        a.Tell(1, null);
        a.Tell(2, null);
        a.Tell("count", null);
        ExpectMsg(2);
        a.Tell(3, null);
        AwaitAssert(() => Logs.Entries.Should().Contain(e => e.Exception is StashOverflowException));
    }

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed class TickGate : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public TickGate(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<Tick>(t => probe.Tell(t, Self)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "twice", _ =>
            {
                Stash.Stash();
                Stash.Stash();
            });
            Receive<Tick>(_ => Stash.Stash());
        }
    }

    [Fact]
    public void The_same_message_object_delivered_twice_is_stashed_twice()
    {
        // A periodic timer or a singleton message arrives as the same object on every delivery.
        var a = Sys.ActorOf(Props.Create(() => new TickGate(TestActor.Ref)));
        a.Tell(Tick.Instance, null);
        a.Tell(Tick.Instance, null);
        a.Tell("open", null);
        ExpectMsg<Tick>();
        ExpectMsg<Tick>();
        Logs.Entries.Should().NotContain(e => e.Exception is IllegalActorStateException);
    }

    [Fact]
    public void Stashing_one_delivery_twice_throws_IllegalActorStateException()
    {
        var a = Sys.ActorOf(Props.Create(() => new TickGate(TestActor.Ref)));
        a.Tell("twice", null);
        AwaitAssert(() => Logs.Entries.Should().Contain(e => e.Exception is IllegalActorStateException));
    }
}
