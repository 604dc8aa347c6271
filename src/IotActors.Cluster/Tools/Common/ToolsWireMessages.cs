using System.Text.Json.Serialization;
using IotActors.Actors;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.Common;

/// <summary>One node's bucket as carried on the wire.</summary>
internal sealed record WireBucket(string Owner, long Version, Dictionary<string, IActorRef[]> Content);

/// <summary>The bucket versions the sender holds; the receiver answers with the newer buckets, and with its own status when it is behind (unless this is a reply).</summary>
internal sealed record BucketStatus(Dictionary<string, long> Versions, bool IsReply) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>Buckets the receiver holds at a lower version.</summary>
internal sealed record BucketDelta(WireBucket[] Buckets) : IAuthenticatedMessage
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>Source-generated JSON for the cluster tools' wire messages (actor refs as paths).</summary>
[JsonSerializable(typeof(BucketStatus))]
[JsonSerializable(typeof(BucketDelta))]
[JsonSerializable(typeof(Replication.ReplicaStatus))]
[JsonSerializable(typeof(Replication.ReplicaDelta))]
internal sealed partial class ToolsJsonContext : JsonSerializerContext
{
    /// <summary>The context bound to options that carry the actor-ref converter.</summary>
    public static ToolsJsonContext WithRefs { get; } = new(RemoteJson.CreateOptions());
}
