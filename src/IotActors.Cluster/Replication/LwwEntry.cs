namespace IotActors.Cluster.Replication;

/// <summary>One value of the LWW map: JSON text, its version, and whether its owner (writer) node was removed from the cluster.</summary>
public sealed record LwwEntry(string ValueJson, LwwVersion Version, bool OwnerRemoved)
{
    /// <summary>Whether this entry beats <paramref name="other"/>: higher version, then marked-removed, then value (ordinal).</summary>
    internal bool Beats(LwwEntry other)
    {
        var c = Version.CompareTo(other.Version);
        if (c != 0)
        {
            return c > 0;
        }

        if (OwnerRemoved != other.OwnerRemoved)
        {
            return OwnerRemoved;
        }

        return string.CompareOrdinal(ValueJson, other.ValueJson) > 0;
    }
}
