using IotActors.Actors;

namespace IotActors.Actors.Tests;

/// <summary>Replies every message back to the sender.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message to a target, tagged with nothing.</summary>
internal sealed class ForwardActor : UntypedActor
{
    private readonly IActorRef _target;
    public ForwardActor(IActorRef target) => _target = target;
    protected override void OnReceive(object message) => _target.Forward(message);
}

/// <summary>Reports lifecycle hooks to a probe and throws on "fail" / exceptions sent to it.</summary>
internal sealed class LifecycleActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _name;

    public LifecycleActor(IActorRef probe, string name)
    {
        _probe = probe;
        _name = name;
        Receive<Exception>(e => throw e);
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p, "child"), Self));
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name), Self));
        ReceiveAny(m => _probe.Tell($"{_name}:{m}", Self));
    }

    protected override void PreStart() => _probe.Tell($"{_name}:PreStart", Self);
    protected override void PostStop() => _probe.Tell($"{_name}:PostStop", Self);
    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"{_name}:PreRestart", Self);
        base.PreRestart(reason, message);
    }
    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"{_name}:PostRestart", Self);
        base.PostRestart(reason);
    }
}

/// <summary>A parent with a configurable supervisor strategy that creates children on request and reports escalations.</summary>
internal sealed class SupervisorActor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public SupervisorActor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p), Self));
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name), Self));
        Receive<Exception>(e => throw e);
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}
