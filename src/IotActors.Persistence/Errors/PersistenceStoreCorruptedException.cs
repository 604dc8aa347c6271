namespace IotActors.Persistence;

/// <summary>Raised at start-up when a database file is not a valid database or fails its integrity check.</summary>
public sealed class PersistenceStoreCorruptedException : PersistenceException
{
    /// <summary>Creates the exception for the damaged file.</summary>
    public PersistenceStoreCorruptedException(string filePath, string reason, Exception? innerException = null)
        : base($"The persistence database file '{filePath}' is corrupt or truncated ({reason}). Nothing was read from it. Restore it from a backup, or move it away to start with an empty store.", innerException)
    {
        FilePath = filePath;
        Reason = reason;
    }

    /// <summary>The full path of the damaged file.</summary>
    public string FilePath { get; }

    /// <summary>What the check found.</summary>
    public string Reason { get; }
}
