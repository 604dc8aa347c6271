namespace IotActors.Actors;

/// <summary>System message asking <paramref name="Watchee"/> to notify <paramref name="Watcher"/> when it terminates.</summary>
public sealed record Watch(IActorRef Watchee, IActorRef Watcher) : SystemMessage;
