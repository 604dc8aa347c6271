using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _clock;

    public BackoffSupervisorTests() : this(new ManualTimeProvider()) { }

    private BackoffSupervisorTests(ManualTimeProvider clock) : base(timeProvider: clock) => _clock = clock;

    private sealed class Device : ReceiveActor
    {
        public Device(IActorRef probe)
        {
            probe.Tell("started", Self);
            Receive<string>(s => s == "crash", _ => throw new IOException("bus error"));
            Receive<string>(s => s == "quit", _ => Context.Stop(Self));
            Receive<string>(s => probe.Tell("device got " + s, Self));
        }
    }

    private IActorRef CurrentChild(IActorRef supervisor)
    {
        supervisor.Tell(GetBackoffCurrentChild.Instance, TestActor.Ref);
        return ExpectMsg<BackoffCurrentChild>().Child!;
    }

    private void CrashAndExpectRestartAfter(IActorRef supervisor, TimeSpan expectedDelay)
    {
        var child = CurrentChild(supervisor);
        Watch(child);
        child.Tell("crash", null);
        ExpectTerminated(child);
        AwaitAssert(() =>
        {
            supervisor.Tell(GetBackoffCurrentChild.Instance, TestActor.Ref);
            ExpectMsg<BackoffCurrentChild>().Child.Should().BeNull("the supervisor must have seen the termination and armed its restart timer");
        });
        _clock.Advance(expectedDelay - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
    }

    [Fact]
    public void Backoff_delays_grow_exponentially_up_to_max_and_reset_after_a_stable_period()
    {
        var options = BackoffOptions.OnFailure(
                Props.Create(() => new Device(TestActor.Ref)), "device", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0)
            .WithAutoReset(TimeSpan.FromSeconds(30));
        var sup = Sys.ActorOf(BackoffSupervisor.Props(options), "backoff");
        ExpectMsg("started");
        CrashAndExpectRestartAfter(sup, TimeSpan.FromSeconds(1));
        CrashAndExpectRestartAfter(sup, TimeSpan.FromSeconds(2));
        CrashAndExpectRestartAfter(sup, TimeSpan.FromSeconds(4));
        CrashAndExpectRestartAfter(sup, TimeSpan.FromSeconds(5));
        sup.Tell("hello", null);
        ExpectMsg("device got hello");
        _clock.Advance(TimeSpan.FromSeconds(30));
        AwaitAssert(() =>
        {
            sup.Tell(GetBackoffCurrentChild.Instance, TestActor.Ref);
            ExpectMsg<BackoffCurrentChild>().RestartCount.Should().Be(0);
        });
        CrashAndExpectRestartAfter(sup, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void OnFailure_mode_stops_the_supervisor_when_the_child_stops_voluntarily()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new Device(TestActor.Ref)), "device", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0);
        var sup = Sys.ActorOf(BackoffSupervisor.Props(options));
        ExpectMsg("started");
        Watch(sup);
        sup.Tell("quit", null);
        ExpectTerminated(sup);
    }

    [Fact]
    public void CalculateDelay_applies_bounded_jitter()
    {
        var random = new Random(42);
        for (var n = 0; n < 10; n++)
        {
            var d = BackoffSupervisor.CalculateDelay(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2, random);
            var baseDelay = Math.Min(10, Math.Pow(2, n));
            d.TotalSeconds.Should().BeInRange(baseDelay, baseDelay * 1.2);
        }
    }
}
