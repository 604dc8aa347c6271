namespace IotActors.Cluster.Replication;

/// <summary>The version of a write: a Lamport clock value and the writing node; ordered by clock, then node (ordinal).</summary>
/// <remarks>Wall-clock time plays no part, so a node with a skewed clock cannot make an old write win.</remarks>
public readonly record struct LwwVersion(long Clock, string Node) : IComparable<LwwVersion>
{
    /// <summary>Compares by clock, then by node name (ordinal) to break ties deterministically.</summary>
    public int CompareTo(LwwVersion other)
    {
        var c = Clock.CompareTo(other.Clock);
        return c != 0 ? c : string.CompareOrdinal(Node, other.Node);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Clock}@{Node}";
}
