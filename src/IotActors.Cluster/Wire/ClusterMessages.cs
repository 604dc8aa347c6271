using IotActors.Remote.Serialization;

namespace IotActors.Cluster.Wire;

/// <summary>Registers the cluster's wire messages with a remoting message registry.</summary>
public static class ClusterMessages
{
    /// <summary>Adds the cluster manifests (<c>iot.cluster.*</c>) to <paramref name="registry"/>, skipping those already there.</summary>
    public static void RegisterInto(MessageRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = ClusterJsonContext.Default;
        Add(registry, "iot.cluster.Join", () => registry.Register("iot.cluster.Join", json.JoinRequest));
        Add(registry, "iot.cluster.Welcome", () => registry.Register("iot.cluster.Welcome", json.Welcome));
        Add(registry, "iot.cluster.Gossip", () => registry.Register("iot.cluster.Gossip", json.GossipEnvelope));
        Add(registry, "iot.cluster.GossipStatus", () => registry.Register("iot.cluster.GossipStatus", json.GossipStatus));
        Add(registry, "iot.cluster.Heartbeat", () => registry.Register("iot.cluster.Heartbeat", json.ClusterHeartbeat));
        Add(registry, "iot.cluster.HeartbeatRsp", () => registry.Register("iot.cluster.HeartbeatRsp", json.ClusterHeartbeatResponse));
    }

    private static void Add(MessageRegistry registry, string manifest, Action register)
    {
        if (!registry.IsRegistered(manifest))
        {
            register();
        }
    }
}
