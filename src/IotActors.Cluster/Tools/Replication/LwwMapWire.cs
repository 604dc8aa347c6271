using System.Security.Cryptography;
using System.Text;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Tools.Replication;

/// <summary>Conversions of an <see cref="LwwMap"/> to wire chunks and back, and its digest.</summary>
internal static class LwwMapWire
{
    /// <summary>Splits the entries of <paramref name="map"/> into chunks of at most about <paramref name="maxBytes"/>, in clock order.</summary>
    /// <remarks>Clock order means a receiver that misses a later chunk still holds, per writer, every entry up to its highest clock.</remarks>
    public static IEnumerable<WireEntry[]> Chunks(LwwMap map, int maxBytes)
    {
        var chunk = new List<WireEntry>();
        var size = 0;
        foreach (var (key, e) in map.Entries.OrderBy(kv => kv.Value.Version))
        {
            var entrySize = key.Length + e.ValueJson.Length + e.Version.Node.Length + 64;
            if (chunk.Count > 0 && size + entrySize > maxBytes)
            {
                yield return [.. chunk];
                chunk.Clear();
                size = 0;
            }

            chunk.Add(new WireEntry(key, e.ValueJson, e.Version.Clock, e.Version.Node, e.OwnerRemoved));
            size += entrySize;
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    /// <summary>Builds a map from wire entries.</summary>
    /// <exception cref="ArgumentException">An entry has no key or writer node, or a negative clock.</exception>
    public static LwwMap ToMap(IEnumerable<WireEntry> entries, long clock) => LwwMap.FromEntries(entries.Select(e =>
    {
        if (e.Key is null || string.IsNullOrEmpty(e.Node) || e.Clock < 0 || e.Value is null)
        {
            throw new ArgumentException($"Replicated entry '{e.Key}' needs a key, a value, a writer node and a clock >= 0.");
        }

        return KeyValuePair.Create(e.Key, new LwwEntry(e.Value, new LwwVersion(e.Clock, e.Node), e.OwnerRemoved));
    }), clock);

    /// <summary>A short hash of every key, version and owner-removed mark; equal maps have equal digests.</summary>
    public static string Digest(LwwMap map)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var (key, e) in map.Entries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key));
            BitConverter.TryWriteBytes(number, e.Version.Clock);
            hash.AppendData(number);
            hash.AppendData(Encoding.UTF8.GetBytes(e.Version.Node));
            hash.AppendData(e.OwnerRemoved ? [1] : [0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 16);
    }
}
