namespace IotActors.Actors;

/// <summary>Delivered to a watcher exactly once when a watched actor has terminated.</summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage;
