namespace IotActors.Persistence;

/// <summary>Raised when a journal transaction failed as a whole (I/O error, lost connection); nothing of it was stored.</summary>
public sealed class JournalWriteFailedException : PersistenceException
{
    /// <summary>Creates the exception naming the store and the cause.</summary>
    public JournalWriteFailedException(string store, Exception innerException)
        : base($"Writing to the journal '{store}' failed: {innerException.Message}", innerException)
    {
    }
}
