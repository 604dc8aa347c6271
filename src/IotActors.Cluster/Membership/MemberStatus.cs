namespace IotActors.Cluster.Membership;

/// <summary>The lifecycle status of a cluster member.</summary>
public enum MemberStatus
{
    /// <summary>Asked to join; not yet moved to Up by the leader.</summary>
    Joining,

    /// <summary>A full member.</summary>
    Up,

    /// <summary>Asked to leave gracefully.</summary>
    Leaving,

    /// <summary>Leaving, handed over; about to be removed.</summary>
    Exiting,

    /// <summary>Declared dead by downing; will be removed.</summary>
    Down,

    /// <summary>Gone from the cluster; a tombstone.</summary>
    Removed,
}
