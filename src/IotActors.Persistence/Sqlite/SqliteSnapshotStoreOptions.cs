namespace IotActors.Persistence.Sqlite;

/// <summary>Settings of the embedded SQLite snapshot store (config section iotactors.persistence.snapshot-store.sqlite).</summary>
public sealed record SqliteSnapshotStoreOptions
{
    /// <summary>The node's data directory; created if missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The snapshot database file name; a separate file so snapshot writes never block journal writes.</summary>
    public string FileName { get; init; } = "snapshots.db";

    /// <summary>The durability of saved snapshots; Full by default.</summary>
    public SqliteSynchronousMode Synchronous { get; init; } = SqliteSynchronousMode.Full;

    /// <summary>Run SQLite's quick_check on start-up to refuse a corrupt file; on by default.</summary>
    public bool VerifyOnStartup { get; init; } = true;

    /// <summary>The full path of the snapshot file.</summary>
    public string FilePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
