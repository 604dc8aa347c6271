using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Downing;

/// <summary>What the downing strategy decided.</summary>
public enum DowningKind
{
    /// <summary>Nothing to do (no unreachable members).</summary>
    None,

    /// <summary>This side keeps running and downs the unreachable members.</summary>
    DownUnreachable,

    /// <summary>This side is the minority and downs itself (all its reachable members, including self).</summary>
    DownSelfSide,
}

/// <summary>A downing decision and the members to mark Down.</summary>
public sealed record DowningDecision(DowningKind Kind, ImmutableSortedSet<UniqueAddress> ToDown)
{
    /// <summary>No action.</summary>
    public static DowningDecision None { get; } = new(DowningKind.None, ImmutableSortedSet<UniqueAddress>.Empty);

    /// <inheritdoc />
    public bool Equals(DowningDecision? other) => other is not null && Kind == other.Kind && ToDown.SequenceEqual(other.ToDown);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, ToDown.Count);
}
