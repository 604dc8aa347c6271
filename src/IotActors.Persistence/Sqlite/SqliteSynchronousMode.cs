namespace IotActors.Persistence.Sqlite;

/// <summary>How hard SQLite pushes a commit to disk before a write is acknowledged.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Each commit is fsync'ed before it is acknowledged: an acknowledged event survives kill -9 and power loss.</summary>
    Full,

    /// <summary>
    /// WAL commits are not fsync'ed (only checkpoints are): an acknowledged event survives a process crash (kill -9),
    /// but the most recent acknowledged transactions can be lost, never corrupted, on power loss or an OS crash.
    /// </summary>
    Normal,
}
