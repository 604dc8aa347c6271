using System.Collections.Frozen;

namespace IotActors.Cluster.Membership;

/// <summary>The allowed status transitions and the merge precedence of member statuses.</summary>
public static class MemberStatusRules
{
    private static readonly FrozenDictionary<MemberStatus, FrozenSet<MemberStatus>> Allowed =
        new Dictionary<MemberStatus, FrozenSet<MemberStatus>>
        {
            [MemberStatus.Joining] = new[] { MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Down, MemberStatus.Removed }.ToFrozenSet(),
            [MemberStatus.Up] = new[] { MemberStatus.Leaving, MemberStatus.Down, MemberStatus.Removed }.ToFrozenSet(),
            [MemberStatus.Leaving] = new[] { MemberStatus.Exiting, MemberStatus.Down, MemberStatus.Removed }.ToFrozenSet(),
            [MemberStatus.Exiting] = new[] { MemberStatus.Removed, MemberStatus.Down }.ToFrozenSet(),
            [MemberStatus.Down] = new[] { MemberStatus.Removed }.ToFrozenSet(),
            [MemberStatus.Removed] = FrozenSet<MemberStatus>.Empty,
        }.ToFrozenDictionary();

    /// <summary>Whether a member may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(MemberStatus from, MemberStatus to) => Allowed[from].Contains(to);

    /// <summary>The merge precedence: when two gossips disagree the higher value wins.</summary>
    /// <remarks>Removed &gt; Down &gt; Exiting &gt; Leaving &gt; Up &gt; Joining.</remarks>
    public static int Precedence(MemberStatus status) => status switch
    {
        MemberStatus.Joining => 0,
        MemberStatus.Up => 1,
        MemberStatus.Leaving => 2,
        MemberStatus.Exiting => 3,
        MemberStatus.Down => 4,
        MemberStatus.Removed => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown member status."),
    };
}
