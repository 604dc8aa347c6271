namespace IotActors.Cluster.Membership;

/// <summary>Thrown when an operation names a member the gossip does not hold.</summary>
public sealed class UnknownMemberException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="address"/>.</summary>
    public UnknownMemberException(UniqueAddress address)
        : base($"No member {address} (incarnation {address.Incarnation}) in the membership table; it must join before its status can change.") =>
        Address = address;

    /// <summary>The address that was not found.</summary>
    public UniqueAddress Address { get; }
}
