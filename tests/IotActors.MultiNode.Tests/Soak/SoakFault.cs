namespace IotActors.MultiNode.Tests.Soak;

/// <summary>What a scheduled fault does to its victims.</summary>
internal enum SoakFaultKind
{
    /// <summary>kill -9, then start again on the same data directory when the fault ends.</summary>
    Kill,

    /// <summary>SIGSTOP, then SIGCONT when the fault ends.</summary>
    Pause,

    /// <summary>The victims are cut off from every other node (nftables) until the fault ends.</summary>
    Partition,

    /// <summary>Packet loss on the victims' links plus latency (netem, or the node's fault-injection delay applied by a restart).</summary>
    Degrade,
}

/// <summary>One fault of the seeded schedule: starts at <paramref name="At"/> after the soak began and lasts <paramref name="Hold"/>.</summary>
/// <param name="Index">Position in the schedule.</param>
/// <param name="Kind">What is done.</param>
/// <param name="Victims">Indexes (0-based) of the nodes hit; always a minority.</param>
/// <param name="At">Start, relative to the start of the chaos phase.</param>
/// <param name="Hold">How long the fault lasts.</param>
/// <param name="Loss">Packet loss probability (Degrade only).</param>
/// <param name="DelayMs">Latency range in milliseconds (Degrade only).</param>
internal sealed record SoakFault(int Index, SoakFaultKind Kind, IReadOnlyList<int> Victims, TimeSpan At, TimeSpan Hold, double Loss, (int Min, int Max) DelayMs)
{
    /// <summary>When the fault ends, relative to the start of the chaos phase.</summary>
    public TimeSpan End => At + Hold;

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Index} {Kind} n{string.Join(",n", Victims.Select(v => v + 1))} at {At.TotalSeconds:0.0}s for {Hold.TotalSeconds:0.0}s"
        + (Kind == SoakFaultKind.Degrade ? $" (loss {Loss:P0}, delay {DelayMs.Min}-{DelayMs.Max}ms)" : "");
}
