using System.Collections.Immutable;
using System.Text.Json;

namespace IotActors.Cluster.Replication;

/// <summary>Immutable last-writer-wins map (string key to JSON value), a state-based CRDT with delta support.</summary>
/// <remarks>
/// Each write takes version (Lamport clock + 1, node). <see cref="Merge"/> keeps per key the entry with the higher
/// version (ties: marked-removed, then value), and the max clock: it is commutative, associative and idempotent.
/// Entries written by a node that left are marked with <see cref="MarkOwnerRemoved"/>, never dropped.
/// </remarks>
public sealed class LwwMap : IEquatable<LwwMap>
{
    /// <summary>The empty map.</summary>
    public static readonly LwwMap Empty = new(ImmutableSortedDictionary.Create<string, LwwEntry>(StringComparer.Ordinal), 0);

    private LwwMap(ImmutableSortedDictionary<string, LwwEntry> entries, long clock)
    {
        Entries = entries;
        Clock = clock;
    }

    /// <summary>Builds a map from entries and a clock (wire and store decoding); the clock is raised to the highest entry clock.</summary>
    internal static LwwMap FromEntries(IEnumerable<KeyValuePair<string, LwwEntry>> entries, long clock)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, LwwEntry>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (!b.TryGetValue(key, out var existing) || entry.Beats(existing))
            {
                b[key] = entry;
                clock = Math.Max(clock, entry.Version.Clock);
            }
        }

        return new LwwMap(b.ToImmutable(), clock);
    }

    /// <summary>All entries by key (ordinal order).</summary>
    public ImmutableSortedDictionary<string, LwwEntry> Entries { get; }

    /// <summary>The Lamport clock: the highest clock value written or seen.</summary>
    public long Clock { get; }

    /// <summary>Per writer node, the highest clock among its entries in this map.</summary>
    public VersionVector VersionVector =>
        VersionVector.From(Entries.Values.Select(e => KeyValuePair.Create(e.Version.Node, e.Version.Clock)));

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGet(string key, out LwwEntry entry) => Entries.TryGetValue(key, out entry!);

    /// <summary>Writes <paramref name="valueJson"/> for <paramref name="key"/> as <paramref name="node"/>, advancing the clock.</summary>
    /// <exception cref="InvalidJsonValueException">The value is not valid JSON.</exception>
    public LwwMap Update(string node, string key, string valueJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            using var _ = JsonDocument.Parse(valueJson);
        }
        catch (JsonException e)
        {
            throw new InvalidJsonValueException(key, e);
        }

        var clock = Clock + 1;
        return new LwwMap(Entries.SetItem(key, new LwwEntry(valueJson, new LwwVersion(clock, node), false)), clock);
    }

    /// <summary>Writes a JSON element for <paramref name="key"/> as <paramref name="node"/>.</summary>
    public LwwMap Update(string node, string key, JsonElement value) => Update(node, key, value.GetRawText());

    /// <summary>Joins two maps.</summary>
    public LwwMap Merge(LwwMap other)
    {
        var b = Entries.ToBuilder();
        foreach (var (key, theirs) in other.Entries)
        {
            if (!b.TryGetValue(key, out var mine) || theirs.Beats(mine))
            {
                b[key] = theirs;
            }
        }

        return new LwwMap(b.ToImmutable(), Math.Max(Clock, other.Clock));
    }

    /// <summary>The entries a peer that has seen <paramref name="since"/> lacks: those whose clock is above the peer's counter for their writer.</summary>
    public LwwMap DeltaSince(VersionVector since)
    {
        var delta = Entries.Where(e => e.Value.Version.Clock > since[e.Value.Version.Node]);
        return new LwwMap(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, delta), Clock);
    }

    /// <summary>Marks (does not drop) every entry written by <paramref name="node"/>, e.g. after it was removed.</summary>
    public LwwMap MarkOwnerRemoved(string node)
    {
        var b = Entries.ToBuilder();
        foreach (var (key, e) in Entries)
        {
            if (e.Version.Node == node && !e.OwnerRemoved)
            {
                b[key] = e with { OwnerRemoved = true };
            }
        }

        return new LwwMap(b.ToImmutable(), Clock);
    }

    /// <inheritdoc />
    public bool Equals(LwwMap? other) =>
        other is not null && Clock == other.Clock && Entries.Count == other.Entries.Count &&
        Entries.All(e => other.Entries.TryGetValue(e.Key, out var o) && o.Equals(e.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LwwMap);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Clock, Entries.Count);

    /// <inheritdoc />
    public override string ToString() =>
        $"LwwMap(clock {Clock}; {string.Join(", ", Entries.Select(e => $"{e.Key}={e.Value.ValueJson}@{e.Value.Version}{(e.Value.OwnerRemoved ? "(removed)" : "")}"))})";
}
