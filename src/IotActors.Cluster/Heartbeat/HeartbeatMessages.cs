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

/// <summary>
/// <paramref name="Target"/> was added a heartbeat interval ago: if it never answered, judge it from now on anyway, so a
/// node that dies before its first answer is still found unreachable.
/// </summary>
internal sealed record ExpectedFirstHeartbeat(UniqueAddress Target);
