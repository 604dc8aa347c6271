namespace IotActors.Actors;

/// <summary>System message cancelling a previous <see cref="Watch"/>.</summary>
public sealed record Unwatch(IActorRef Watchee, IActorRef Watcher) : SystemMessage;
