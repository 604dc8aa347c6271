namespace IotActors.Remote;

/// <summary>An authenticated node: its address, the incarnation id of this start, and its declared roles.</summary>
public sealed record NodeIdentity(string System, string Host, int Port, long IncarnationId, IReadOnlyList<string> Roles)
{
    /// <summary>The node's address (without incarnation).</summary>
    public NodeAddress Address => new(System, Host, Port);

    /// <summary>Whether the node declared the given role.</summary>
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Address}#{IncarnationId}";

    /// <inheritdoc />
    public bool Equals(NodeIdentity? other) =>
        other is not null && System == other.System && Host == other.Host && Port == other.Port
        && IncarnationId == other.IncarnationId && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(System, Host, Port, IncarnationId);
}
