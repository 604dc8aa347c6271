namespace IotActors.Actors;

/// <summary>System message telling a watcher that <paramref name="Actor"/> terminated; remoting sends it with <paramref name="AddressTerminated"/> = true when a node dies.</summary>
public sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated) : SystemMessage;
