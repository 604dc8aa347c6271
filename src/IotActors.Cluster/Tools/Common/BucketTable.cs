using System.Collections.Immutable;

namespace IotActors.Cluster.Tools.Common;

/// <summary>The per-node versioned buckets behind pub-sub and the registry: each node owns its bucket, others copy newer versions.</summary>
/// <remarks>
/// Not thread-safe (actor thread only). Merging keeps, per owner, the bucket with the higher version, so it is
/// commutative, associative and idempotent; gossip sends only the buckets a peer has at a lower version (the delta).
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class BucketTable<T>
    where T : notnull
{
    private readonly Dictionary<string, Bucket<T>> _buckets = new(StringComparer.Ordinal);

    /// <summary>Creates a table holding the empty bucket of <paramref name="self"/>.</summary>
    public BucketTable(string self)
    {
        Self = self;
        _buckets[self] = Bucket<T>.Empty(self);
    }

    /// <summary>This node's owner key.</summary>
    public string Self { get; }

    /// <summary>This node's own bucket.</summary>
    public Bucket<T> Own => _buckets[Self];

    /// <summary>Every bucket held, own included.</summary>
    public IReadOnlyCollection<Bucket<T>> Buckets => _buckets.Values;

    /// <summary>The version held per owner.</summary>
    public Dictionary<string, long> Versions() => _buckets.ToDictionary(b => b.Key, b => b.Value.Version, StringComparer.Ordinal);

    /// <summary>The bucket of <paramref name="owner"/>, if held.</summary>
    public Bucket<T>? Get(string owner) => _buckets.GetValueOrDefault(owner);

    /// <summary>Replaces the own content with a version above both the previous one and <paramref name="minVersion"/>; returns the changed keys.</summary>
    public IReadOnlyList<string> SetOwn(ImmutableSortedDictionary<string, ImmutableArray<T>> content, long minVersion)
    {
        var old = Own;
        var next = new Bucket<T>(Self, Math.Max(old.Version + 1, minVersion), content);
        _buckets[Self] = next;
        return [.. next.ChangedKeys(old)];
    }

    /// <summary>The buckets whose version is above what <paramref name="theirs"/> holds, limited to owners <paramref name="include"/> accepts.</summary>
    public IReadOnlyList<Bucket<T>> DeltaFor(IReadOnlyDictionary<string, long> theirs, Func<string, bool> include) =>
        [.. _buckets.Values.Where(b => b.Version > theirs.GetValueOrDefault(b.Owner) && include(b.Owner))];

    /// <summary>Whether <paramref name="theirs"/> holds a version above ours for an owner <paramref name="include"/> accepts.</summary>
    public bool IsBehind(IReadOnlyDictionary<string, long> theirs, Func<string, bool> include) =>
        theirs.Any(t => t.Value > (_buckets.TryGetValue(t.Key, out var b) ? b.Version : 0) && include(t.Key));

    /// <summary>Takes the newer of each incoming bucket (never the own one, never owners <paramref name="accept"/> refuses); returns the changed keys.</summary>
    public IReadOnlyList<string> Merge(IEnumerable<Bucket<T>> incoming, Func<string, bool> accept)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var bucket in incoming)
        {
            if (bucket.Owner == Self || !accept(bucket.Owner))
            {
                continue;
            }

            var mine = _buckets.GetValueOrDefault(bucket.Owner);
            if (mine is null || bucket.Version > mine.Version)
            {
                _buckets[bucket.Owner] = bucket;
                changed.UnionWith(bucket.ChangedKeys(mine));
            }
        }

        return [.. changed];
    }

    /// <summary>Drops the bucket of <paramref name="owner"/> (a removed node); returns the keys it held.</summary>
    public IReadOnlyList<string> Remove(string owner)
    {
        if (owner == Self || !_buckets.Remove(owner, out var bucket))
        {
            return [];
        }

        return [.. bucket.Content.Keys];
    }

    /// <summary>The values under <paramref name="key"/> of every owner <paramref name="include"/> accepts, by owner.</summary>
    public IEnumerable<(string Owner, ImmutableArray<T> Values)> Lookup(string key, Func<string, bool> include)
    {
        foreach (var bucket in _buckets.Values)
        {
            if (include(bucket.Owner) && bucket.Content.TryGetValue(key, out var values) && values.Length > 0)
            {
                yield return (bucket.Owner, values);
            }
        }
    }
}
