using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Heartbeat;

/// <summary>The members this node heartbeats (its ring receivers) and its own current address.</summary>
internal sealed record HeartbeatTargets(UniqueAddress Self, ImmutableSortedSet<UniqueAddress> Targets);

/// <summary>Send heartbeats now.</summary>
internal sealed record HeartbeatTick
{
    public static readonly HeartbeatTick Instance = new();
}

/// <summary>Check the failure detector's verdicts now.</summary>
internal sealed record ReachabilityCheckTick
{
    public static readonly ReachabilityCheckTick Instance = new();
}
