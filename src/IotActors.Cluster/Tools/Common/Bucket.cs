using System.Collections.Immutable;

namespace IotActors.Cluster.Tools.Common;

/// <summary>What one node owns in a gossiped table: key to values, with a version that only its owner advances.</summary>
/// <typeparam name="T">The value type (actor refs in the actors, anything comparable in tests).</typeparam>
internal sealed record Bucket<T>(string Owner, long Version, ImmutableSortedDictionary<string, ImmutableArray<T>> Content)
    where T : notnull
{
    /// <summary>An empty bucket of <paramref name="owner"/> at version 0.</summary>
    public static Bucket<T> Empty(string owner) => new(owner, 0, ImmutableSortedDictionary.Create<string, ImmutableArray<T>>(StringComparer.Ordinal));

    /// <summary>The values under <paramref name="key"/> (empty when absent).</summary>
    public ImmutableArray<T> this[string key] => Content.TryGetValue(key, out var values) ? values : [];

    /// <summary>The keys whose values differ between this bucket and <paramref name="other"/>.</summary>
    public IEnumerable<string> ChangedKeys(Bucket<T>? other)
    {
        var otherContent = other?.Content ?? ImmutableSortedDictionary.Create<string, ImmutableArray<T>>(StringComparer.Ordinal);
        foreach (var key in Content.Keys.Union(otherContent.Keys, StringComparer.Ordinal))
        {
            if (!this[key].SequenceEqual(other is null ? [] : other[key]))
            {
                yield return key;
            }
        }
    }
}
