namespace IotActors.TestKit.MultiNode;

/// <summary>Something a multi-node test may need from the machine and harness mode.</summary>
public enum MultiNodeCapability
{
    /// <summary>Each node in its own network namespace on a private bridge.</summary>
    Namespaces,

    /// <summary>UDP broadcast between nodes (the bridge's broadcast address, or 127.255.255.255 on loopback).</summary>
    Broadcast,

    /// <summary>Partitions between sets of nodes (nftables inside the namespaces).</summary>
    Partitions,

    /// <summary>Taking a node's link down and up again.</summary>
    LinkDown,

    /// <summary>Random packet loss (nftables numgen).</summary>
    PacketLoss,

    /// <summary>Latency and jitter from the kernel (sch_netem), applied at once.</summary>
    KernelLatency,

    /// <summary>Latency through the node setting iotactors.remote.fault-injection.delay, applied at the node's next start.</summary>
    NodeSettingLatency,
}
