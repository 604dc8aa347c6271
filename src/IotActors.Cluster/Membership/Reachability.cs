using System.Collections.Immutable;

namespace IotActors.Cluster.Membership;

/// <summary>Immutable reachability table, kept apart from member status: observer to subject records, versioned per observer.</summary>
/// <remarks>
/// Merge keeps, for each (observer, subject), the record with the higher version (ties: Unreachable wins),
/// which is commutative, associative and idempotent. Reachable records are kept (not pruned) so that
/// an older Unreachable record cannot come back through a merge; <see cref="Remove"/> drops removed nodes.
/// </remarks>
public sealed class Reachability : IEquatable<Reachability>
{
    /// <summary>The empty table: everyone reachable.</summary>
    public static readonly Reachability Empty = new(ImmutableSortedDictionary.Create<(UniqueAddress, UniqueAddress), ReachabilityRecord>(PairComparer.Instance));

    private Reachability(ImmutableSortedDictionary<(UniqueAddress Observer, UniqueAddress Subject), ReachabilityRecord> records) =>
        Records = records;

    /// <summary>Builds a table from explicit records (joined as by <see cref="Merge"/>); used by tests and decoders.</summary>
    internal static Reachability FromRecords(IEnumerable<ReachabilityRecord> records)
    {
        var b = Empty.Records.ToBuilder();
        foreach (var r in records.Where(r => !r.Observer.Equals(r.Subject)))
        {
            if (!b.TryGetValue((r.Observer, r.Subject), out var mine) || Wins(r, mine))
            {
                b[(r.Observer, r.Subject)] = r;
            }
        }

        return new Reachability(b.ToImmutable());
    }

    /// <summary>All records by (observer, subject).</summary>
    public ImmutableSortedDictionary<(UniqueAddress Observer, UniqueAddress Subject), ReachabilityRecord> Records { get; }

    /// <summary>The current version of <paramref name="observer"/>'s rows (0 when it has none).</summary>
    public long VersionOf(UniqueAddress observer) =>
        Records.Values.Where(r => r.Observer.Equals(observer)).Select(r => r.Version).DefaultIfEmpty(0).Max();

    /// <summary>Records that <paramref name="observer"/> finds <paramref name="subject"/> unreachable.</summary>
    public Reachability Unreachable(UniqueAddress observer, UniqueAddress subject) => Change(observer, subject, ReachabilityStatus.Unreachable);

    /// <summary>Records that <paramref name="observer"/> finds <paramref name="subject"/> reachable again.</summary>
    public Reachability Reachable(UniqueAddress observer, UniqueAddress subject) => Change(observer, subject, ReachabilityStatus.Reachable);

    private Reachability Change(UniqueAddress observer, UniqueAddress subject, ReachabilityStatus status)
    {
        if (observer.Equals(subject))
        {
            return this;
        }

        var current = Records.GetValueOrDefault((observer, subject));
        if (current?.Status == status || (current is null && status == ReachabilityStatus.Reachable))
        {
            return this;
        }

        var version = VersionOf(observer) + 1;
        return new Reachability(Records.SetItem((observer, subject), new ReachabilityRecord(observer, subject, status, version)));
    }

    /// <summary>Whether no observer currently records <paramref name="subject"/> as unreachable.</summary>
    public bool IsReachable(UniqueAddress subject) =>
        !Records.Values.Any(r => r.Subject.Equals(subject) && r.Status == ReachabilityStatus.Unreachable);

    /// <summary>Whether <paramref name="observer"/> currently records <paramref name="subject"/> as unreachable.</summary>
    public bool IsUnreachableFrom(UniqueAddress observer, UniqueAddress subject) =>
        Records.GetValueOrDefault((observer, subject))?.Status == ReachabilityStatus.Unreachable;

    /// <summary>Every subject some observer records as unreachable.</summary>
    public ImmutableSortedSet<UniqueAddress> AllUnreachable =>
        Records.Values.Where(r => r.Status == ReachabilityStatus.Unreachable).Select(r => r.Subject).ToImmutableSortedSet();

    /// <summary>The subjects <paramref name="observer"/> records as unreachable.</summary>
    public ImmutableSortedSet<UniqueAddress> AllUnreachableFrom(UniqueAddress observer) =>
        Records.Values.Where(r => r.Observer.Equals(observer) && r.Status == ReachabilityStatus.Unreachable)
            .Select(r => r.Subject).ToImmutableSortedSet();

    /// <summary>Joins two tables: per (observer, subject) the record with the higher version (ties: Unreachable).</summary>
    public Reachability Merge(Reachability other)
    {
        var b = Records.ToBuilder();
        foreach (var (key, theirs) in other.Records)
        {
            if (!b.TryGetValue(key, out var mine) || Wins(theirs, mine))
            {
                b[key] = theirs;
            }
        }

        return new Reachability(b.ToImmutable());
    }

    private static bool Wins(ReachabilityRecord a, ReachabilityRecord b) =>
        a.Version != b.Version ? a.Version > b.Version : a.Status > b.Status;

    /// <summary>Drops every record whose observer or subject is in <paramref name="nodes"/>.</summary>
    public Reachability Remove(IEnumerable<UniqueAddress> nodes)
    {
        var set = nodes.ToHashSet();
        var keep = Records.Where(r => !set.Contains(r.Key.Observer) && !set.Contains(r.Key.Subject));
        return new Reachability(ImmutableSortedDictionary.CreateRange(PairComparer.Instance, keep));
    }

    /// <inheritdoc />
    public bool Equals(Reachability? other) =>
        other is not null && Records.Count == other.Records.Count &&
        Records.All(r => other.Records.TryGetValue(r.Key, out var o) && o.Equals(r.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Reachability);

    /// <inheritdoc />
    public override int GetHashCode() => Records.Aggregate(17, (h, r) => HashCode.Combine(h, r.Value));

    private sealed class PairComparer : IComparer<(UniqueAddress Observer, UniqueAddress Subject)>
    {
        public static readonly PairComparer Instance = new();

        public int Compare((UniqueAddress Observer, UniqueAddress Subject) x, (UniqueAddress Observer, UniqueAddress Subject) y)
        {
            var c = x.Observer.CompareTo(y.Observer);
            return c != 0 ? c : x.Subject.CompareTo(y.Subject);
        }
    }
}
