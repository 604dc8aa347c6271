using System.Text.Json.Serialization;
using IotActors.Cluster.Membership;
using IotActors.Remote;

namespace IotActors.Cluster.Wire;

/// <summary>A member address with its cluster incarnation (uid) as carried on the wire.</summary>
internal sealed record WireAddress(
    [property: JsonPropertyName("s")] string System,
    [property: JsonPropertyName("h")] string Host,
    [property: JsonPropertyName("p")] int Port,
    [property: JsonPropertyName("u")] long Uid)
{
    public static WireAddress From(UniqueAddress a) => new(a.System, a.Host, a.Port, a.Incarnation);

    public UniqueAddress ToUnique() => new(System, Host, Port, Uid);

    /// <summary>Whether the authenticated link identity is the node this address claims to be (uid aside).</summary>
    public bool IsClaimedBy(NodeIdentity? origin) =>
        origin is not null && origin.Host == Host && origin.Port == Port && origin.System == System;
}

/// <summary>One member row: index into the node table, status, roles, up-number.</summary>
internal sealed record WireMember(int Node, MemberStatus Status, string[] Roles, int Up);

/// <summary>One reachability record by node-table indices.</summary>
internal sealed record WireReachability(int Observer, int Subject, bool Unreachable, long Version);

/// <summary>The gossip as carried on the wire: a node table referenced by index from members, records and seen-set.</summary>
internal sealed record WireGossip(
    Guid ClusterId, WireAddress[] Nodes, WireMember[] Members, WireReachability[] Reachability,
    Dictionary<string, long> Version, int[] Seen);

/// <summary>Asks a member to add the sender as Joining.</summary>
internal sealed record JoinRequest(WireAddress From, string[] Roles) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>The reply to a join: the current gossip, which already holds the joiner.</summary>
internal sealed record Welcome(WireAddress From, WireAddress To, WireGossip Gossip) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>A full gossip sent to one peer.</summary>
internal sealed record GossipEnvelope(WireAddress From, WireAddress To, WireGossip Gossip) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>A digest of the sender's gossip version; the receiver answers with its full gossip when its own differs.</summary>
internal sealed record GossipStatus(WireAddress From, WireAddress To, string Digest) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>A failure-detector heartbeat from a monitor to a member.</summary>
internal sealed record ClusterHeartbeat(
    [property: JsonPropertyName("f")] WireAddress From,
    [property: JsonPropertyName("t")] WireAddress To,
    [property: JsonPropertyName("n")] long Sequence) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>The answer to a heartbeat.</summary>
internal sealed record ClusterHeartbeatResponse(
    [property: JsonPropertyName("f")] WireAddress From,
    [property: JsonPropertyName("n")] long Sequence) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(JoinRequest))]
[JsonSerializable(typeof(Welcome))]
[JsonSerializable(typeof(GossipEnvelope))]
[JsonSerializable(typeof(GossipStatus))]
[JsonSerializable(typeof(ClusterHeartbeat))]
[JsonSerializable(typeof(ClusterHeartbeatResponse))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
