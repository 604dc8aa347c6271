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
}
