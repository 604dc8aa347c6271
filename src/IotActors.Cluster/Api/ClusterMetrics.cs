namespace IotActors.Cluster;

/// <summary>Counters of the cluster daemon, for /metrics, benchmarks and tests.</summary>
public sealed class ClusterMetrics
{
    internal long gossipSent;
    internal long gossipStatusSent;
    internal long gossipReceived;
    internal long heartbeatsSent;
    internal long unreachableMarked;
    internal long membersDowned;
    internal long beaconsSent;
    internal long beaconsIgnored;
    internal long rejoins;

    /// <summary>Full gossips sent.</summary>
    public long GossipSent => Interlocked.Read(ref gossipSent);

    /// <summary>Gossip digests (version only) sent.</summary>
    public long GossipStatusSent => Interlocked.Read(ref gossipStatusSent);

    /// <summary>Full gossips received and merged.</summary>
    public long GossipReceived => Interlocked.Read(ref gossipReceived);

    /// <summary>Failure-detector heartbeats sent.</summary>
    public long HeartbeatsSent => Interlocked.Read(ref heartbeatsSent);

    /// <summary>Times this node's failure detector marked a member unreachable.</summary>
    public long UnreachableMarked => Interlocked.Read(ref unreachableMarked);

    /// <summary>Members this node marked Down (by the downing strategy or by hand).</summary>
    public long MembersDowned => Interlocked.Read(ref membersDowned);

    /// <summary>Discovery beacons sent.</summary>
    public long BeaconsSent => Interlocked.Read(ref beaconsSent);

    /// <summary>Discovery datagrams ignored (wrong key, replay, malformed, other cluster).</summary>
    public long BeaconsIgnored => Interlocked.Read(ref beaconsIgnored);

    /// <summary>Times this node left after being downed and started over as a new incarnation.</summary>
    public long Rejoins => Interlocked.Read(ref rejoins);
}
