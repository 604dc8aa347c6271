namespace IotActors.Home.Storage;

/// <summary>A node-local database file (history.db, audit.db) is not a readable SQLite database.</summary>
public sealed class LocalStoreCorruptedException : Exception
{
    /// <summary>Creates the exception naming the file and what is wrong with it.</summary>
    public LocalStoreCorruptedException(string path, string detail, Exception? inner = null)
        : base($"The database file '{path}' is damaged or not an SQLite database ({detail}). Move it aside (the node creates a new one) or restore it from a backup.", inner)
    {
        FilePath = path;
    }

    /// <summary>The damaged file.</summary>
    public string FilePath { get; }
}
