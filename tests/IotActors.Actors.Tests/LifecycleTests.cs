using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class LifecycleTests : TestKit.TestKit
{
    [Fact]
    public void Watching_an_already_dead_actor_delivers_Terminated_once()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        var probe = CreateTestProbe();
        probe.Watch(a);
        probe.ExpectTerminated(a).ExistenceConfirmed.Should().BeFalse();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private sealed class DeadWatcher : ReceiveActor
    {
        public DeadWatcher(IActorRef target, IActorRef probe)
        {
            Receive<Terminated>(t => probe.Tell(t, Self));
            Receive<string>(_ => { Context.Watch(target); Context.Watch(target); });
        }
    }

    [Fact]
    public void An_actor_watching_a_dead_actor_twice_gets_one_Terminated()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        var w = Sys.ActorOf(Props.Create(() => new DeadWatcher(a, TestActor.Ref)));
        w.Tell("go", null);
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(a));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Stop_stops_children_before_parent_and_PostStop_runs_once()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor.Ref, "p")));
        ExpectMsg("p:PreStart");
        parent.Tell((Props.Create(() => new LifecycleActor(TestActor.Ref, "c1")), "c1"), TestActor.Ref);
        parent.Tell((Props.Create(() => new LifecycleActor(TestActor.Ref, "c2")), "c2"), TestActor.Ref);
        TestActor.ReceiveN(4);
        Watch(parent);
        parent.Tell(PoisonPill.Instance, null);
        parent.Tell(PoisonPill.Instance, null);
        var events = TestActor.ReceiveN(4);
        events.Take(2).Should().BeEquivalentTo(["c1:PostStop", "c2:PostStop"]);
        events[2].Should().Be("p:PostStop");
        events[3].Should().BeOfType<Terminated>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Terminate_stops_all_actors_runs_hooks_and_completes_WhenTerminated()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor.Ref, "a")));
        ExpectMsg("a:PreStart");
        var hookRan = false;
        Sys.RegisterOnTermination(() => { hookRan = true; return Task.CompletedTask; });
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        hookRan.Should().BeTrue();
        ExpectMsg("a:PostStop");
        Sys.WhenTerminated.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task GracefulStop_completes_true_when_the_actor_stopped()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor.Ref, "g")));
        ExpectMsg("g:PreStart");
        (await a.GracefulStop(TimeSpan.FromSeconds(3))).Should().BeTrue();
        ExpectMsg("g:PostStop");
    }

    [Fact]
    public void Messages_to_a_stopped_actor_go_to_dead_letters()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor.Ref);
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        a.Tell("late", null);
        ExpectMsg<DeadLetter>(d => d.Message is "late" && d.Recipient.Equals(a));
    }

    [Fact]
    public void Child_names_must_be_unique_and_valid()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor.Ref, "p")));
        ExpectMsg("p:PreStart");
        FluentActions.Invoking(() => Sys.ActorOf(Props.Create<EchoActor>(), "$bad")).Should().Throw<InvalidActorNameException>();
        FluentActions.Invoking(() => Sys.ActorOf(Props.Create<EchoActor>(), "a/b")).Should().Throw<InvalidActorNameException>();
        Sys.ActorOf(Props.Create<EchoActor>(), "same");
        FluentActions.Invoking(() => Sys.ActorOf(Props.Create<EchoActor>(), "same")).Should().Throw<InvalidActorNameException>().WithMessage("*not unique*");
    }

    [Fact]
    public void Identify_replies_with_ActorIdentity()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        a.Tell(new Identify(7), TestActor.Ref);
        ExpectMsg<ActorIdentity>(i => Equals(i.MessageId, 7) && a.Equals(i.Subject));
    }

    [Fact]
    public void Actor_logger_writes_entries_with_the_actor_path_scope()
    {
        var a = Sys.ActorOf(Props.Create<LoggingActor>(), "logger");
        a.Tell("hello", TestActor.Ref);
        ExpectMsg("logged");
        Logs.Entries.Should().Contain(e => e.Message == "got hello" && e.Scopes.Contains("ActorPath=iot://test/user/logger"));
    }

    private sealed class LoggingActor : ReceiveActor
    {
        public LoggingActor() => Receive<string>(s =>
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(Log, "got {Text}", s);
            Sender.Tell("logged", Self);
        });
    }
}
