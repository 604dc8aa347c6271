using System.Collections.Immutable;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Membership;

/// <summary>The immutable, versioned member table that nodes gossip: members, reachability, a vector clock and the seen-set.</summary>
/// <remarks>
/// Removed members stay in the table as tombstones so that a merge cannot bring them back; the
/// member views (<see cref="ActiveMembers"/>) leave them out. A restarted node has a new incarnation,
/// so it is a different <see cref="UniqueAddress"/>.
/// </remarks>
public sealed class Gossip : IEquatable<Gossip>
{
    /// <summary>The empty gossip.</summary>
    public static readonly Gossip Empty = new(
        ImmutableSortedDictionary<UniqueAddress, Member>.Empty, Reachability.Empty, VersionVector.Empty, ImmutableSortedSet<UniqueAddress>.Empty);

    /// <summary>Creates a gossip from its parts.</summary>
    public Gossip(
        ImmutableSortedDictionary<UniqueAddress, Member> members,
        Reachability reachability,
        VersionVector version,
        ImmutableSortedSet<UniqueAddress> seen)
    {
        Members = members;
        Reachability = reachability;
        Version = version;
        Seen = seen;
    }

    /// <summary>Every member by address, including Removed tombstones.</summary>
    public ImmutableSortedDictionary<UniqueAddress, Member> Members { get; }

    /// <summary>Who finds whom unreachable.</summary>
    public Reachability Reachability { get; }

    /// <summary>The vector clock of this table.</summary>
    public VersionVector Version { get; }

    /// <summary>The nodes known to have seen <see cref="Version"/>.</summary>
    public ImmutableSortedSet<UniqueAddress> Seen { get; }

    /// <summary>Members that are not Removed, in address order.</summary>
    public IEnumerable<Member> ActiveMembers => Members.Values.Where(m => m.Status != MemberStatus.Removed);

    /// <summary>The member at <paramref name="address"/>, or null.</summary>
    public Member? MemberAt(UniqueAddress address) => Members.GetValueOrDefault(address);

    /// <summary>Returns a copy with <paramref name="member"/> added or replaced (no version change).</summary>
    public Gossip WithMember(Member member) => new(Members.SetItem(member.Address, member), Reachability, Version, Seen);

    /// <summary>Returns a copy with the given reachability table (no version change).</summary>
    public Gossip WithReachability(Reachability reachability) => new(Members, reachability, Version, Seen);

    /// <summary>Returns a copy whose version is advanced by <paramref name="node"/> and whose seen-set is just that node.</summary>
    public Gossip Increment(UniqueAddress node) =>
        new(Members, Reachability, Version.Increment(node.VersionKey), [node]);

    /// <summary>Returns a copy where <paramref name="node"/> has seen the current version.</summary>
    public Gossip SeenBy(UniqueAddress node) => Seen.Contains(node) ? this : new(Members, Reachability, Version, Seen.Add(node));

    /// <summary>Whether <paramref name="node"/> has seen the current version.</summary>
    public bool HasSeen(UniqueAddress node) => Seen.Contains(node);

    /// <summary>Moves the member at <paramref name="address"/> to <paramref name="status"/> (no version change); throws if the move is illegal or the member unknown.</summary>
    public Gossip UpdateStatus(UniqueAddress address, MemberStatus status)
    {
        var member = MemberAt(address) ?? throw new UnknownMemberException(address);
        return WithMember(member.WithStatus(status));
    }

    /// <summary>Deterministic, commutative, associative and idempotent merge of two gossips.</summary>
    /// <remarks>
    /// Members: union; for the same address the higher status precedence wins
    /// (Removed &gt; Down &gt; Exiting &gt; Leaving &gt; Up &gt; Joining), then the higher up-number, then roles.
    /// Reachability: per-record join. Version: pointwise max. Seen: the union of the seen-sets of the inputs
    /// whose version equals the merged version (empty when the merged version is new).
    /// </remarks>
    public Gossip Merge(Gossip other)
    {
        var members = Members.ToBuilder();
        foreach (var (address, theirs) in other.Members)
        {
            members[address] = members.TryGetValue(address, out var mine) ? Member.MergeWinner(mine, theirs) : theirs;
        }

        var version = Version.Merge(other.Version);
        var seen = ImmutableSortedSet<UniqueAddress>.Empty;
        if (Version.Equals(version))
        {
            seen = seen.Union(Seen);
        }

        if (other.Version.Equals(version))
        {
            seen = seen.Union(other.Seen);
        }

        return new Gossip(members.ToImmutable(), Reachability.Merge(other.Reachability), version, seen);
    }

    /// <summary>Whether the member at <paramref name="address"/> is reachable from every observer.</summary>
    public bool IsReachable(UniqueAddress address) => Reachability.IsReachable(address);

    /// <summary>Convergence: every reachable member that is not Down or Removed has seen the current version.</summary>
    /// <remarks>Unreachable members, and Down members in particular, are left out of the check.</remarks>
    public bool HasConvergence() =>
        ActiveMembers.Where(m => m.Status != MemberStatus.Down && IsReachable(m.Address)).All(m => Seen.Contains(m.Address));

    /// <summary>
    /// Whether fewer than half of the active members have seen this version: a change then needs about log2(n) more gossip
    /// rounds to spread, so members gossip faster until it has (forming, joins, a node going away).
    /// </summary>
    public bool NeedsGossipSpeedup() => Seen.Count * 2 < ActiveMembers.Count();

    /// <summary>The leader: lowest reachable Up or Leaving member; if none, lowest reachable Joining member; else null.</summary>
    public UniqueAddress? Leader()
    {
        var reachable = ActiveMembers.Where(m => IsReachable(m.Address)).ToList();
        var leader = reachable.FirstOrDefault(m => m.Status is MemberStatus.Up or MemberStatus.Leaving)
                     ?? reachable.FirstOrDefault(m => m.Status == MemberStatus.Joining);
        return leader?.Address;
    }

    /// <inheritdoc />
    public bool Equals(Gossip? other) =>
        other is not null && Version.Equals(other.Version) && Seen.SequenceEqual(other.Seen) &&
        Members.Count == other.Members.Count && Members.Values.SequenceEqual(other.Members.Values) &&
        Reachability.Equals(other.Reachability);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Gossip);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Members.Count, Seen.Count);

    /// <inheritdoc />
    public override string ToString() =>
        $"Gossip({Version}; {string.Join(", ", Members.Values.Select(m => $"{m.Address}#{m.Address.Incarnation}:{m.Status}"))}; seen {Seen.Count})";
}
