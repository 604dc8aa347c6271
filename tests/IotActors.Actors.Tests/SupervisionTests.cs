using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class SupervisionTests : TestKit.TestKit
{
    private sealed class Blocker : ReceiveActor
    {
        public Blocker(IActorRef probe, ManualResetEventSlim gate)
        {
            Receive<string>(s => s == "block", _ => gate.Wait(TimeSpan.FromSeconds(10)));
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => probe.Tell("got:" + s, Self));
        }

        protected override void PostRestart(Exception reason) => Context.Parent.Tell("unused", Self);
    }

    [Fact]
    public void Restart_keeps_mailbox_and_drops_failing_message()
    {
        using var gate = new ManualResetEventSlim(false);
        var probe = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new Blocker(probe.Ref, gate)));
        a.Tell("block", null);
        a.Tell("boom", null);
        a.Tell("after-1", null);
        a.Tell("after-2", null);
        gate.Set();
        probe.ExpectMsg("got:after-1");
        probe.ExpectMsg("got:after-2");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Restart_stops_children_by_default_and_runs_PostRestart()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor.Ref, "p")));
        ExpectMsg("p:PreStart");
        parent.Tell(Props.Create(() => new LifecycleActor(TestActor.Ref, "c")), TestActor.Ref);
        var messages = TestActor.ReceiveN(2);
        messages.Should().Contain("c:PreStart");
        var child = messages.OfType<IActorRef>().Single();
        TestActor.Watch(child);
        parent.Tell(new InvalidOperationException("fail parent"), null);
        var events = TestActor.ReceiveN(6).ToList();
        events[0].Should().Be("p:PreRestart");
        events.Should().Contain("c:PostStop").And.Contain("p:PostStop").And.Contain(m => m is Terminated);
        var postRestart = events.IndexOf("p:PostRestart");
        postRestart.Should().BeGreaterThan(events.IndexOf("c:PostStop"), "the new instance starts only after the old children stopped");
        postRestart.Should().BeGreaterThan(events.IndexOf("p:PostStop"));
        events.IndexOf("p:PreStart").Should().BeGreaterThan(postRestart);
        parent.Tell("hello", null);
        ExpectMsg("p:hello");
    }

    private sealed class Reporter : ReceiveActor
    {
        private readonly IActorRef _probe;
        public Reporter(IActorRef probe)
        {
            _probe = probe;
            Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            _probe.Tell("top saw " + e.Message, Self);
            return Directive.Stop;
        });
    }

    [Fact]
    public void Escalate_propagates_the_original_failure_up_two_levels()
    {
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var top = Sys.ActorOf(Props.Create(() => new Reporter(TestActor.Ref)));
        top.Tell((Props.Create(() => new SupervisorActor(escalate)), "mid"), TestActor.Ref);
        var mid = ExpectMsg<IActorRef>();
        mid.Tell((Props.Create(() => new SupervisorActor(escalate)), "low"), TestActor.Ref);
        var low = ExpectMsg<IActorRef>();
        low.Tell((Props.Create(() => new LifecycleActor(TestActor.Ref, "leaf")), "leaf"), TestActor.Ref);
        var leaf = ExpectMsg<IActorRef>(timeout: null);
        ExpectMsg("leaf:PreStart");
        Watch(mid);
        leaf.Tell(new ArgumentException("deep"), null);
        TestActor.FishForMessage(m => m is string s && s.StartsWith("top saw deep", StringComparison.Ordinal));
        TestActor.FishForMessage(m => m is Terminated t && t.ActorRef.Equals(mid));
    }

    [Fact]
    public void AllForOne_restarts_all_siblings_when_one_fails()
    {
        var sup = Sys.ActorOf(Props.Create(() => new SupervisorActor(new AllForOneStrategy(_ => Directive.Restart))));
        sup.Tell((Props.Create(() => new LifecycleActor(TestActor.Ref, "a")), "a"), TestActor.Ref);
        sup.Tell((Props.Create(() => new LifecycleActor(TestActor.Ref, "b")), "b"), TestActor.Ref);
        var refs = TestActor.ReceiveN(4).OfType<IActorRef>().ToList();
        refs.Should().HaveCount(2);
        refs[0].Tell(new InvalidOperationException("a fails"), null);
        var events = TestActor.ReceiveN(8).Cast<string>().ToList();
        events.Should().Contain(["a:PreRestart", "a:PostRestart", "b:PreRestart", "b:PostRestart"]);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Exceeding_max_retries_stops_the_child()
    {
        var sup = Sys.ActorOf(Props.Create(() => new SupervisorActor(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart))));
        sup.Tell(Props.Create(() => new LifecycleActor(TestActor.Ref, "c")), TestActor.Ref);
        var child = TestActor.ReceiveN(2).OfType<IActorRef>().Single();
        Watch(child);
        for (var i = 0; i < 3; i++) { child.Tell(new InvalidOperationException("x" + i), null); }
        TestActor.FishForMessage(m => m is Terminated t && t.ActorRef.Equals(child));
    }

    [Fact]
    public void Resume_keeps_state_and_continues()
    {
        var sup = Sys.ActorOf(Props.Create(() => new SupervisorActor(new OneForOneStrategy(_ => Directive.Resume))));
        sup.Tell(Props.Create(() => new LifecycleActor(TestActor.Ref, "c")), TestActor.Ref);
        var child = TestActor.ReceiveN(2).OfType<IActorRef>().Single();
        child.Tell(new InvalidOperationException("x"), null);
        child.Tell("still-alive", null);
        ExpectMsg("c:still-alive");
    }

    [Fact]
    public void Default_decider_stops_on_Kill_and_initialization_failure()
    {
        SupervisorStrategy.DefaultDecider(new ActorKilledException("k")).Should().Be(Directive.Stop);
        SupervisorStrategy.DefaultDecider(new DeathPactException("d")).Should().Be(Directive.Stop);
        SupervisorStrategy.DefaultDecider(new ActorInitializationException("i")).Should().Be(Directive.Stop);
        SupervisorStrategy.DefaultDecider(new IOException("io")).Should().Be(Directive.Restart);
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor.Ref, "k")));
        ExpectMsg("k:PreStart");
        Watch(a);
        a.Tell(Kill.Instance, null);
        ExpectMsg("k:PostStop");
        ExpectTerminated(a);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target) => Receive<string>(_ => Context.Watch(target));
    }

    [Fact]
    public void Unhandled_Terminated_raises_DeathPactException_and_stops_the_watcher()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(target)));
        Watch(watcher);
        watcher.Tell("watch", null);
        target.Tell("ping", TestActor.Ref);
        ExpectMsg("ping");
        Sys.Stop(target);
        ExpectTerminated(watcher);
        AwaitAssert(() => Logs.Entries.Should().Contain(e => e.Exception is DeathPactException));
    }

    private sealed class FailingCtor : ReceiveActor
    {
        public FailingCtor() => throw new InvalidOperationException("ctor");
    }

    [Fact]
    public void Constructor_failure_stops_the_actor()
    {
        var a = Sys.ActorOf(Props.Create<FailingCtor>());
        Watch(a);
        ExpectTerminated(a);
        AwaitAssert(() => Logs.Entries.Should().Contain(e => e.Exception is ActorInitializationException));
    }
}
