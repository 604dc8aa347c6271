using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class TimeTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _clock;

    public TimeTests() : this(new ManualTimeProvider()) { }

    private TimeTests(ManualTimeProvider clock) : base(timeProvider: clock) => _clock = clock;

    private sealed class TimeoutActor : ReceiveActor
    {
        public TimeoutActor(IActorRef probe)
        {
            Receive<string>(s => s == "arm", _ => { Context.SetReceiveTimeout(TimeSpan.FromSeconds(5)); probe.Tell("armed", Self); });
            Receive<string>(s => s == "disarm", _ => { Context.SetReceiveTimeout(null); probe.Tell("disarmed", Self); });
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout", Self));
            Receive<string>(s => probe.Tell("got " + s, Self));
        }
    }

    [Fact]
    public void Receive_timeout_fires_after_idle_period_and_is_reset_by_messages()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimeoutActor(TestActor.Ref)));
        a.Tell("arm", null);
        ExpectMsg("armed");
        _clock.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        a.Tell("poke", null);
        ExpectMsg("got poke");
        _clock.Advance(TimeSpan.FromSeconds(2)); // t=6: the check due at t=5 sees only 2 s idle and re-arms for t=9
        AwaitCondition(() => _clock.ActiveTimers == 1);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        _clock.Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("timeout");
        AwaitCondition(() => _clock.ActiveTimers == 1);
        _clock.Advance(TimeSpan.FromSeconds(5));
        ExpectMsg("timeout");
        a.Tell("disarm", null);
        ExpectMsg("disarmed");
        _clock.ActiveTimers.Should().Be(0);
        _clock.Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerActor(IActorRef probe)
        {
            Receive<string>(s => s == "start", _ =>
            {
                Timers.StartSingleTimer("once", "single", TimeSpan.FromSeconds(1));
                Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromSeconds(2));
                probe.Tell("started", Self);
            });
            Receive<string>(s => s == "cancel", _ => { Timers.Cancel("tick"); probe.Tell($"cancelled active={Timers.IsTimerActive("tick")}", Self); });
            Receive<string>(s => s == "status", _ => probe.Tell($"once={Timers.IsTimerActive("once")}", Self));
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("restart"));
            Receive<string>(s => probe.Tell(s, Self));
        }
    }

    [Fact]
    public void Timers_fire_on_the_manual_clock_and_are_cancelled()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor.Ref)));
        a.Tell("start", null);
        ExpectMsg("started");
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("single");
        a.Tell("status", null);
        ExpectMsg("once=False");
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        _clock.Advance(TimeSpan.FromSeconds(4));
        ExpectMsg("tick");
        ExpectMsg("tick");
        a.Tell("cancel", null);
        ExpectMsg("cancelled active=False");
        _clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Timers_are_cancelled_on_restart()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor.Ref)));
        a.Tell("start", null);
        ExpectMsg("started");
        a.Tell("boom", null);
        a.Tell("ping", null);
        ExpectMsg("ping");
        _clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Scheduler_tells_once_and_repeatedly_until_cancelled()
    {
        var once = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(3), TestActor.Ref, "once", null);
        var repeated = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor.Ref, "rep", null);
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("rep");
        _clock.Advance(TimeSpan.FromSeconds(2));
        TestActor.ReceiveN(3).Should().BeEquivalentTo(["rep", "rep", "once"]);
        once.IsCancellationRequested.Should().BeTrue();
        repeated.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        var cancelled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor.Ref, "never", null);
        cancelled.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(2));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
