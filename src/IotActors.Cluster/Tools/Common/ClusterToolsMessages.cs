using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;
using IotActors.Remote.Serialization;

namespace IotActors.Cluster.Tools;

/// <summary>Registers the wire messages of pub-sub, the registry and replicated state (<c>iot.tools.*</c>).</summary>
public static class ClusterToolsMessages
{
    /// <summary>Adds the cluster-tools manifests to <paramref name="registry"/>, skipping those already there.</summary>
    public static void RegisterInto(MessageRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = Common.ToolsJsonContext.WithRefs;
        Add(registry, "iot.tools.BucketStatus", () => registry.Register("iot.tools.BucketStatus", json.BucketStatus));
        Add(registry, "iot.tools.BucketDelta", () => registry.Register("iot.tools.BucketDelta", json.BucketDelta));
        Add(registry, "iot.tools.ReplicaStatus", () => registry.Register("iot.tools.ReplicaStatus", json.ReplicaStatus));
        Add(registry, "iot.tools.ReplicaDelta", () => registry.Register("iot.tools.ReplicaDelta", json.ReplicaDelta));
        Add(registry, PubSubDeliverSerializer.Manifest,
            () => registry.Register(PubSubDeliverSerializer.Manifest, typeof(PubSubDeliver), new PubSubDeliverSerializer(registry)));
    }

    private static void Add(MessageRegistry registry, string manifest, Action register)
    {
        if (!registry.IsRegistered(manifest))
        {
            register();
        }
    }
}
