namespace IotActors.Actors;

/// <summary>The root, user and system guardians: they only supervise their children.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected internal override bool Receive(object message) => message is not Terminated;

    protected override void PreRestart(Exception reason, object? message) { }
}
