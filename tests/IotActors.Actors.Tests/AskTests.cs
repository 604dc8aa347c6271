using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class AskTests : TestKit.TestKit
{
    private sealed class Replier : ReceiveActor
    {
        public Replier()
        {
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope")), Self));
            Receive<string>(s => s == "silent", _ => { });
            Receive<string>(s => Sender.Tell(s.Length, Self));
        }
    }

    [Fact]
    public async Task Ask_returns_the_typed_reply()
    {
        var a = Sys.ActorOf(Props.Create<Replier>());
        (await a.Ask<int>("four", TimeSpan.FromSeconds(3))).Should().Be(4);
    }

    [Fact]
    public async Task Ask_with_Status_Failure_reply_faults_the_task_with_the_cause()
    {
        var a = Sys.ActorOf(Props.Create<Replier>());
        var act = () => a.Ask<int>("fail", TimeSpan.FromSeconds(3));
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("nope");
    }

    [Fact]
    public async Task Ask_timeout_names_the_target_and_the_message_type()
    {
        var a = Sys.ActorOf(Props.Create<Replier>(), "silent-one");
        var act = () => a.Ask<int>("silent", TimeSpan.FromMilliseconds(50));
        var error = await act.Should().ThrowAsync<AskTimeoutException>();
        error.Which.Message.Should().Contain("iot://test/user/silent-one").And.Contain("System.String");
    }

    [Fact]
    public async Task Ask_timeout_uses_the_injected_clock()
    {
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("clocked", timeProvider: clock);
        var a = system.ActorOf(Props.Create<Replier>());
        var task = a.Ask<int>("silent", TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        task.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(31));
        var act = () => task;
        await act.Should().ThrowAsync<AskTimeoutException>();
    }

    [Fact]
    public async Task Ask_with_wrong_reply_type_fails_with_InvalidCastException()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        var act = () => a.Ask<int>("text", TimeSpan.FromSeconds(3));
        await act.Should().ThrowAsync<InvalidCastException>();
        (await a.Ask<Status.Success>(new Status.Success(1), TimeSpan.FromSeconds(3))).Value.Should().Be(1);
    }
}
