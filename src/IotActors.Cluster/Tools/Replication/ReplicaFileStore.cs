using System.Text.Json;
using System.Text.Json.Serialization;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Tools.Replication;

/// <summary>Saves the replicated map as one JSON file (written to a temporary file, flushed, then renamed over the old one).</summary>
internal sealed class ReplicaFileStore(string path)
{
    /// <summary>The file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Loads the saved map, or null when there is no file.</summary>
    /// <exception cref="JsonException">The file is not a saved map.</exception>
    public LwwMap? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(Path);
        var saved = JsonSerializer.Deserialize(bytes, ReplicaStoreJsonContext.Default.SavedReplica)
            ?? throw new JsonException($"{Path} holds no replicated map.");
        return LwwMapWire.ToMap(saved.Entries ?? [], saved.Clock);
    }

    /// <summary>Saves <paramref name="map"/> atomically.</summary>
    public void Save(LwwMap map)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var saved = new SavedReplica(map.Clock, [.. map.Entries.Select(kv =>
            new WireEntry(kv.Key, kv.Value.ValueJson, kv.Value.Version.Clock, kv.Value.Version.Node, kv.Value.OwnerRemoved))]);
        var temp = Path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, saved, ReplicaStoreJsonContext.Default.SavedReplica);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }
}

/// <summary>The saved form of the map.</summary>
internal sealed record SavedReplica(long Clock, WireEntry[] Entries);

/// <summary>Source-generated JSON for the store file.</summary>
[JsonSerializable(typeof(SavedReplica))]
internal sealed partial class ReplicaStoreJsonContext : JsonSerializerContext;
