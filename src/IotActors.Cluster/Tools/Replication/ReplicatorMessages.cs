using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Tools.Replication;

/// <summary>Writes <paramref name="ValueJson"/> (a JSON document) under <paramref name="Key"/> (e.g. a device id); answered with <see cref="UpdateAck"/> or a <c>Status.Failure</c>.</summary>
public sealed record Update(string Key, string ValueJson);

/// <summary>Confirms an <see cref="Update"/> with the version it was written at.</summary>
public sealed record UpdateAck(string Key, LwwVersion Version);

/// <summary>Asks for the entry under <paramref name="Key"/>; answered with <see cref="GetResult"/>.</summary>
public sealed record Get(string Key);

/// <summary>The entry under <paramref name="Key"/>, or null when there is none.</summary>
public sealed record GetResult(string Key, LwwEntry? Entry);

/// <summary>Asks for every entry; answered with <see cref="AllEntries"/>.</summary>
public sealed record GetAll
{
    /// <summary>The single instance.</summary>
    public static readonly GetAll Instance = new();
}

/// <summary>Every entry of the replicated map on this node, with its Lamport clock and digest (equal digests: equal maps).</summary>
public sealed record AllEntries(ImmutableSortedDictionary<string, LwwEntry> Entries, long Clock, string Digest);

/// <summary>Sends <paramref name="Subscriber"/> the current entries, then every change in batches (<see cref="StateChanged"/>).</summary>
public sealed record SubscribeChanges(IActorRef Subscriber);

/// <summary>Stops sending changes to <paramref name="Subscriber"/>.</summary>
public sealed record UnsubscribeChanges(IActorRef Subscriber);

/// <summary>Entries that changed since the last batch (or, first, every entry), at most one batch per notify interval.</summary>
public sealed record StateChanged(ImmutableSortedDictionary<string, LwwEntry> Entries);

/// <summary>Timer message: time to notify subscribers of the changed keys.</summary>
internal sealed record NotifyTick
{
    public static readonly NotifyTick Instance = new();
}

/// <summary>Timer message: time to save the map when it changed.</summary>
internal sealed record PersistTick
{
    public static readonly PersistTick Instance = new();
}
