using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class EventStreamAndSelectionTests : TestKit.TestKit
{
    private sealed record Note(string Text);

    [Fact]
    public void EventStream_delivers_by_type_until_unsubscribed()
    {
        Sys.EventStream.Subscribe<Note>(TestActor.Ref).Should().BeTrue();
        Sys.EventStream.Subscribe<Note>(TestActor.Ref).Should().BeFalse();
        Sys.EventStream.Publish(new Note("a"));
        Sys.EventStream.Publish("not a note");
        ExpectMsg(new Note("a"));
        Sys.EventStream.Unsubscribe(TestActor.Ref, typeof(Note)).Should().BeTrue();
        Sys.EventStream.Publish(new Note("b"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim gate, IActorRef probe)
        {
            Receive<string>(s => s == "block", _ => { probe.Tell("blocked", Self); gate.Wait(TimeSpan.FromSeconds(10)); });
            Receive<int>(n => probe.Tell(n, Self));
        }
    }

    [Fact]
    public void System_messages_are_processed_before_queued_user_messages()
    {
        using var gate = new ManualResetEventSlim(false);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor.Ref);
        var a = Sys.ActorOf(Props.Create(() => new Blocker(gate, TestActor.Ref)));
        a.Tell("block", null);
        ExpectMsg("blocked");
        a.Tell(1, null);
        a.Tell(2, null);
        Watch(a);
        Sys.Stop(a);
        gate.Set();
        var messages = TestActor.ReceiveN(3);
        messages.OfType<DeadLetter>().Select(d => d.Message).Should().Equal(1, 2);
        messages.Should().Contain(m => m is Terminated);
        messages.Should().NotContain(m => m is int);
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Context.ActorOf(Props.Create<EchoActor>(), "left");
            Context.ActorOf(Props.Create(() => new Selector()), "right");
            Receive<string>(s => Context.Child("right")!.Forward(s));
        }
    }

    private sealed class Selector : ReceiveActor
    {
        public Selector() => Receive<string>(s => Context.ActorSelection("../left").Tell("via-sibling:" + s, Sender));
    }

    [Fact]
    public async Task ActorSelection_resolves_relative_and_absolute_local_paths()
    {
        var parent = Sys.ActorOf(Props.Create<Parent>(), "parent");
        parent.Tell("x", TestActor.Ref);
        ExpectMsg("via-sibling:x");
        var left = await Sys.ActorSelection("/user/parent/left").ResolveOne(TimeSpan.FromSeconds(1));
        left.Path.ToStringWithoutAddress().Should().Be("/user/parent/left");
        var missing = () => Sys.ActorSelection("/user/parent/nobody").ResolveOne(TimeSpan.FromSeconds(1));
        await missing.Should().ThrowAsync<ActorNotFoundException>();
        Sys.ActorSelection("iot://test/user/parent/left").Tell("abs", TestActor.Ref);
        ExpectMsg("abs");
    }

    [Fact]
    public void Nobody_discards_messages_and_reports_itself_dead_to_watchers()
    {
        ActorRefs.Nobody.Tell("ignored", null);
        Watch(ActorRefs.Nobody);
        ExpectTerminated(ActorRefs.Nobody).ExistenceConfirmed.Should().BeFalse();
    }
}
