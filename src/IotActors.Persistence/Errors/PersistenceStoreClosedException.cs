namespace IotActors.Persistence;

/// <summary>Raised when a store is used after it was disposed.</summary>
public sealed class PersistenceStoreClosedException : PersistenceException
{
    /// <summary>Creates the exception naming the store.</summary>
    public PersistenceStoreClosedException(string store)
        : base($"The persistence store '{store}' has been closed.")
    {
    }
}
