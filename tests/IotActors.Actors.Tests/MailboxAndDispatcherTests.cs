using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class MailboxAndDispatcherTests : TestKit.TestKit
{
    private sealed class Blocking : ReceiveActor
    {
        public Blocking(ManualResetEventSlim gate, IActorRef probe)
        {
            Receive<string>(s => s == "block", _ => { probe.Tell("blocked", Self); gate.Wait(TimeSpan.FromSeconds(10)); });
            Receive<int>(n => probe.Tell(n, Self));
        }
    }

    [Fact]
    public void Bounded_mailbox_overflow_goes_to_dead_letters_and_is_counted()
    {
        using var gate = new ManualResetEventSlim(false);
        var a = Sys.ActorOf(Props.Create(() => new Blocking(gate, TestActor.Ref)).WithBoundedMailbox(10));
        Sys.EventStream.Subscribe<DeadLetter>(TestActor.Ref);
        a.Tell("block", null);
        ExpectMsg("blocked");
        var before = Sys.DeadLetterCount;
        for (var i = 0; i < 30; i++) { a.Tell(i, null); }
        Sys.MailboxOverflowCount.Should().Be(20);
        (Sys.DeadLetterCount - before).Should().Be(20);
        TestActor.ReceiveN(20).Cast<DeadLetter>().Select(d => (int)d.Message).Should().Equal(Enumerable.Range(10, 20));
        gate.Set();
        TestActor.ReceiveN(10).Should().Equal(Enumerable.Range(0, 10).Cast<object>());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private sealed class SyncThreadReporter : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell((Environment.CurrentManagedThreadId, Thread.CurrentThread.Name), Self);
    }

    [Fact]
    public void Pinned_dispatcher_runs_every_message_of_an_actor_on_one_dedicated_thread()
    {
        var a = Sys.ActorOf(Props.Create<SyncThreadReporter>().WithDispatcher(Props.PinnedDispatcherId), "device");
        for (var i = 0; i < 50; i++) { a.Tell(i, TestActor.Ref); }
        var replies = TestActor.ReceiveN(50).Cast<(int Id, string? Name)>().ToList();
        replies.Select(r => r.Id).Distinct().Should().HaveCount(1);
        replies[0].Name.Should().Be("pinned:/user/device");
        var b = Sys.ActorOf(Props.Create<SyncThreadReporter>().WithDispatcher(Props.PinnedDispatcherId));
        b.Tell(0, TestActor.Ref);
        ExpectMsg<(int Id, string? Name)>().Id.Should().NotBe(replies[0].Id);
    }

    [Fact]
    public void Unknown_dispatcher_or_mailbox_ids_are_rejected()
    {
        FluentActions.Invoking(() => Sys.ActorOf(Props.Create<EchoActor>().WithDispatcher("nope")))
            .Should().Throw<ConfigurationException>().WithMessage("*nope*");
        FluentActions.Invoking(() => Sys.ActorOf(Props.Create<EchoActor>().WithMailbox("nope")))
            .Should().Throw<ConfigurationException>().WithMessage("*nope*");
    }

    [Fact]
    public void Settings_validate_and_copy_with_With_methods()
    {
        var s = ActorSystemSettings.Default.WithThroughput(5).WithDefaultAskTimeout(TimeSpan.FromSeconds(1));
        s.Throughput.Should().Be(5);
        ActorSystemSettings.Default.Throughput.Should().Be(30);
        FluentActions.Invoking(() => ActorSystem.Create("x", s with { Throughput = 0 })).Should().Throw<ConfigurationException>();
    }
}
