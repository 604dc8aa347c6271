using System.Collections.Immutable;
using IotActors.Actors;

namespace IotActors.Cluster.Tools.Registry;

/// <summary>Registers <paramref name="Service"/> under <paramref name="Key"/>; <paramref name="ReplyTo"/> (if set) gets <see cref="Registered"/>. Stopping the actor deregisters it.</summary>
public sealed record Register(ServiceKey Key, IActorRef Service, IActorRef? ReplyTo = null);

/// <summary>Confirms a <see cref="Register"/>.</summary>
public sealed record Registered(ServiceKey Key, IActorRef Service);

/// <summary>Removes <paramref name="Service"/> from <paramref name="Key"/>; <paramref name="ReplyTo"/> (if set) gets <see cref="Deregistered"/>.</summary>
public sealed record Deregister(ServiceKey Key, IActorRef Service, IActorRef? ReplyTo = null);

/// <summary>Confirms a <see cref="Deregister"/>.</summary>
public sealed record Deregistered(ServiceKey Key, IActorRef Service);

/// <summary>Asks once for the services under <paramref name="Key"/>; the answer is a <see cref="Listing"/> to <paramref name="ReplyTo"/> (or the sender).</summary>
public sealed record Find(ServiceKey Key, IActorRef? ReplyTo = null);

/// <summary>Sends <paramref name="Subscriber"/> the current <see cref="Listing"/> of <paramref name="Key"/> and a new one on every change.</summary>
public sealed record SubscribeService(ServiceKey Key, IActorRef Subscriber);

/// <summary>Stops listing updates of <paramref name="Key"/> to <paramref name="Subscriber"/>.</summary>
public sealed record UnsubscribeService(ServiceKey Key, IActorRef Subscriber);

/// <summary>The services registered under <paramref name="Key"/> on this node and every reachable node (ordered by path).</summary>
public sealed record Listing(ServiceKey Key, ImmutableArray<IActorRef> Services)
{
    /// <summary>Whether the listing is for <paramref name="key"/>.</summary>
    public bool IsForKey(ServiceKey key) => Key.Id == key.Id;

    /// <inheritdoc />
    public bool Equals(Listing? other) => other is not null && Key.Id == other.Key.Id && Services.SequenceEqual(other.Services);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key.Id, Services.Length);
}
