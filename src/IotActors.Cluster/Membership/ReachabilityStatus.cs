namespace IotActors.Cluster.Membership;

/// <summary>What one observer believes about one subject.</summary>
public enum ReachabilityStatus
{
    /// <summary>The subject answers heartbeats again.</summary>
    Reachable,

    /// <summary>The failure detector of the observer suspects the subject.</summary>
    Unreachable,
}
