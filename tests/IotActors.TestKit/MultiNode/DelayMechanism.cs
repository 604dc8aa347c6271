namespace IotActors.TestKit.MultiNode;

/// <summary>How the harness injected latency into a node's links.</summary>
public enum DelayMechanism
{
    /// <summary>No delay was asked for.</summary>
    None,

    /// <summary>The kernel's netem queueing discipline on the node's interface (applies at once).</summary>
    KernelNetem,

    /// <summary>The node setting <c>iotactors.remote.fault-injection.delay</c>, passed with --set at the node's next start.</summary>
    NodeSetting,
}
