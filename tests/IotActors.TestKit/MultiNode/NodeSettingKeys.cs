namespace IotActors.TestKit.MultiNode;

/// <summary>The configuration keys the harness writes into every node's generated config (and --set overrides).</summary>
public static class NodeSettingKeys
{
    /// <summary>Node name.</summary>
    public const string NodeName = "iotactors.node.name";

    /// <summary>Node data directory.</summary>
    public const string DataDirectory = "iotactors.node.data-dir";

    /// <summary>Interval of the node's "node &lt;name&gt; alive" log line.</summary>
    public const string HeartbeatLogInterval = "iotactors.node.heartbeat-log-interval";

    /// <summary>Address node-to-node links bind to and advertise.</summary>
    public const string RemoteHost = "iotactors.remote.host";

    /// <summary>TCP port of node-to-node links.</summary>
    public const string RemotePort = "iotactors.remote.port";

    /// <summary>File holding the cluster secret (base64 of 32 bytes, mode 0600).</summary>
    public const string SecretFile = "iotactors.remote.secret-file";

    /// <summary>Latency the remote layer adds to its links, "20ms-50ms" (the harness's fallback when the kernel has no netem).</summary>
    public const string FaultInjectionDelay = "iotactors.remote.fault-injection.delay";

    /// <summary>Address the REST API binds to.</summary>
    public const string ApiBind = "iotactors.api.bind";

    /// <summary>Lets the REST API serve plain HTTP on a non-loopback address (the harness's private bridge).</summary>
    public const string ApiAllowInsecure = "iotactors.api.allow-insecure";

    /// <summary>TCP port of the REST API (serves GET /api/cluster).</summary>
    public const string ApiPort = "iotactors.api.port";

    /// <summary>Address the UDP JSON gateway binds to.</summary>
    public const string GatewayUdpBind = "iotactors.gateway.udp.bind";

    /// <summary>Address the TCP JSON-lines gateway binds to.</summary>
    public const string GatewayTcpBind = "iotactors.gateway.tcp.bind";

    /// <summary>Cluster secret file of the gateways (signed datagrams).</summary>
    public const string GatewaySecretFile = "iotactors.gateway.secret-file";

    /// <summary>UDP port of discovery beacons.</summary>
    public const string DiscoveryPort = "iotactors.cluster.discovery.port";

    /// <summary>Where discovery beacons go (a list).</summary>
    public const string DiscoveryTargets = "iotactors.cluster.discovery.targets";
}
