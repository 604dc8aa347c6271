namespace IotActors.Cluster.Membership;

/// <summary>Thrown when a member is asked to move to a status its current status does not allow.</summary>
public sealed class InvalidMemberTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a refused move of <paramref name="address"/>.</summary>
    public InvalidMemberTransitionException(UniqueAddress address, MemberStatus from, MemberStatus to)
        : base($"Member {address} (incarnation {address.Incarnation}) cannot move from {from} to {to}; " +
               $"allowed from {from}: {string.Join(", ", Enum.GetValues<MemberStatus>().Where(s => MemberStatusRules.IsAllowed(from, s)))}.")
    {
        Address = address;
        From = from;
        To = to;
    }

    /// <summary>The member that was asked to move.</summary>
    public UniqueAddress Address { get; }

    /// <summary>Its current status.</summary>
    public MemberStatus From { get; }

    /// <summary>The refused target status.</summary>
    public MemberStatus To { get; }
}
