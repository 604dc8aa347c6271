using System.Collections.Immutable;

namespace IotActors.Cluster.Replication;

/// <summary>How two version vectors relate.</summary>
public enum VersionOrdering
{
    /// <summary>Both are equal.</summary>
    Same,

    /// <summary>The first happened before the second.</summary>
    Before,

    /// <summary>The first happened after the second.</summary>
    After,

    /// <summary>Neither dominates the other.</summary>
    Concurrent,
}

/// <summary>An immutable vector clock: node key to a counter; missing entries count as 0.</summary>
public sealed class VersionVector : IEquatable<VersionVector>
{
    /// <summary>The empty vector.</summary>
    public static readonly VersionVector Empty = new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    private VersionVector(ImmutableSortedDictionary<string, long> entries) => Entries = entries;

    /// <summary>The non-zero entries, ordered by node key.</summary>
    public ImmutableSortedDictionary<string, long> Entries { get; }

    /// <summary>Builds a vector from explicit entries (zero entries are dropped; negative values are refused).</summary>
    public static VersionVector From(IEnumerable<KeyValuePair<string, long>> entries)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (k, v) in entries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(v, nameof(entries));
            if (v > 0)
            {
                b[k] = Math.Max(v, b.GetValueOrDefault(k));
            }
        }

        return new VersionVector(b.ToImmutable());
    }

    /// <summary>The counter of <paramref name="node"/> (0 when absent).</summary>
    public long this[string node] => Entries.GetValueOrDefault(node);

    /// <summary>Returns a copy with the counter of <paramref name="node"/> advanced by one.</summary>
    public VersionVector Increment(string node) => new(Entries.SetItem(node, this[node] + 1));

    /// <summary>Returns a copy where <paramref name="node"/> is at least <paramref name="value"/>.</summary>
    public VersionVector Observe(string node, long value) =>
        value <= this[node] ? this : new VersionVector(Entries.SetItem(node, value));

    /// <summary>The pointwise maximum of both vectors.</summary>
    public VersionVector Merge(VersionVector other)
    {
        var b = Entries.ToBuilder();
        foreach (var (k, v) in other.Entries)
        {
            if (v > b.GetValueOrDefault(k))
            {
                b[k] = v;
            }
        }

        return new VersionVector(b.ToImmutable());
    }

    /// <summary>Returns a copy without the given node keys (pruning removed members).</summary>
    public VersionVector Prune(IEnumerable<string> nodes) => new(Entries.RemoveRange(nodes));

    /// <summary>Compares this vector with <paramref name="other"/>.</summary>
    public VersionOrdering CompareTo(VersionVector other)
    {
        var less = false;
        var greater = false;
        foreach (var k in Entries.Keys.Union(other.Entries.Keys))
        {
            var a = this[k];
            var b = other[k];
            less |= a < b;
            greater |= a > b;
        }

        return (less, greater) switch
        {
            (false, false) => VersionOrdering.Same,
            (true, false) => VersionOrdering.Before,
            (false, true) => VersionOrdering.After,
            _ => VersionOrdering.Concurrent,
        };
    }

    /// <inheritdoc />
    public bool Equals(VersionVector? other) =>
        other is not null && Entries.Count == other.Entries.Count && Entries.All(e => other[e.Key] == e.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VersionVector);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = 17;
        foreach (var (k, v) in Entries)
        {
            h = HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(k), v);
        }

        return h;
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", Entries.Select(e => $"{e.Key}={e.Value}")) + "]";
}
