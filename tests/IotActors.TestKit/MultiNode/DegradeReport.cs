namespace IotActors.TestKit.MultiNode;

/// <summary>What <see cref="MultiNodeCluster.DegradeAsync"/> did: loss through nftables, delay through netem or the node setting.</summary>
/// <param name="Loss">Packet loss probability applied to each packet entering or leaving the nodes (0 = none).</param>
/// <param name="Delay">How the delay was injected.</param>
/// <param name="PendingRestart">Names of running nodes whose delay (node setting) takes effect only after they restart.</param>
/// <param name="Description">A human-readable account, for the test output.</param>
public sealed record DegradeReport(double Loss, DelayMechanism Delay, IReadOnlyList<string> PendingRestart, string Description);
