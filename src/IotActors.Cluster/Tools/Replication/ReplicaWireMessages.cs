using System.Text.Json.Serialization;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.Replication;

/// <summary>One LWW entry as carried on the wire and in the local store.</summary>
internal sealed record WireEntry(string Key, string Value, long Clock, string Node, bool OwnerRemoved);

/// <summary>The sender's version vector and digest; the receiver answers with the entries the sender lacks.</summary>
internal sealed record ReplicaStatus(Dictionary<string, long> Vector, string Digest, bool IsReply) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>A chunk of entries (sorted by clock) for the receiver to merge; <paramref name="Full"/> when it is part of a full-state sync.</summary>
internal sealed record ReplicaDelta(long Clock, WireEntry[] Entries, bool Full) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}
