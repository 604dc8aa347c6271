namespace IotActors.Cluster.Membership;

/// <summary>The address of one node start: system, host, port and a per-start incarnation id.</summary>
/// <remarks>Ordering is by host, port, system, then incarnation (ordinal string comparison).</remarks>
public sealed record UniqueAddress(string System, string Host, int Port, long Incarnation) : IComparable<UniqueAddress>
{
    /// <summary>The address string <c>iot://system@host:port</c> (without the incarnation).</summary>
    public string Address => $"iot://{System}@{Host}:{Port}";

    /// <summary>Compares by host, port, system and incarnation.</summary>
    public int CompareTo(UniqueAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(Host, other.Host);
        if (c != 0)
        {
            return c;
        }

        c = Port.CompareTo(other.Port);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(System, other.System);
        return c != 0 ? c : Incarnation.CompareTo(other.Incarnation);
    }

    /// <summary>A key that names this exact incarnation, used in version vectors.</summary>
    public string VersionKey => $"{Address}#{Incarnation}";

    /// <inheritdoc />
    public override string ToString() => Address;
}
