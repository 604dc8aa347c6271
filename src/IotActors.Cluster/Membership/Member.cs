using System.Collections.Immutable;

namespace IotActors.Cluster.Membership;

/// <summary>An immutable cluster member: its address, status, roles and up-number (0 until Up).</summary>
public sealed record Member(UniqueAddress Address, MemberStatus Status, ImmutableSortedSet<string> Roles, int UpNumber)
{
    /// <summary>Creates a new Joining member with the given roles.</summary>
    public static Member Joining(UniqueAddress address, IEnumerable<string>? roles = null) =>
        new(address, MemberStatus.Joining, (roles ?? []).ToImmutableSortedSet(StringComparer.Ordinal), 0);

    /// <summary>Returns a copy moved to <paramref name="status"/>; throws <see cref="InvalidMemberTransitionException"/> if not allowed.</summary>
    public Member WithStatus(MemberStatus status)
    {
        if (status == Status)
        {
            return this;
        }

        if (!MemberStatusRules.IsAllowed(Status, status))
        {
            throw new InvalidMemberTransitionException(Address, Status, status);
        }

        return this with { Status = status };
    }

    /// <summary>Returns a copy moved to Up with the given up-number (order of becoming Up).</summary>
    public Member MoveUp(int upNumber) => WithStatus(MemberStatus.Up) with { UpNumber = upNumber };

    /// <summary>Whether this member has the given role.</summary>
    public bool HasRole(string role) => Roles.Contains(role);

    /// <inheritdoc />
    public bool Equals(Member? other) =>
        other is not null && Address.Equals(other.Address) && Status == other.Status &&
        UpNumber == other.UpNumber && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = HashCode.Combine(Address, Status, UpNumber);
        foreach (var r in Roles)
        {
            h = HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(r));
        }

        return h;
    }

    /// <summary>Picks the winner of two views of the same member, deterministically (status precedence, then up-number, then roles).</summary>
    internal static Member MergeWinner(Member a, Member b)
    {
        var c = MemberStatusRules.Precedence(a.Status).CompareTo(MemberStatusRules.Precedence(b.Status));
        if (c == 0)
        {
            c = a.UpNumber.CompareTo(b.UpNumber);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(string.Join('\u0001', a.Roles), string.Join('\u0001', b.Roles));
        }

        return c >= 0 ? a : b;
    }
}
