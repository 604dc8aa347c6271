using IotActors.Actors;

namespace IotActors.Remote.Tests.Support;

/// <summary>Replies with whatever it gets, to the sender.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards everything to a target, keeping the original sender.</summary>
public sealed class ForwardActor : ReceiveActor
{
    public ForwardActor(IActorRef target) => ReceiveAny(m => target.Forward(m));
}

/// <summary>Answers <see cref="ReplyTo"/> by telling its target, and forwards every other message to a probe.</summary>
public sealed class RelayActor : ReceiveActor
{
    public RelayActor(IActorRef probe)
    {
        Receive<ReplyTo>(r => r.Target.Tell(new Echo(r.Text), Self));
        ReceiveAny(m => probe.Tell(m, Sender));
    }
}
