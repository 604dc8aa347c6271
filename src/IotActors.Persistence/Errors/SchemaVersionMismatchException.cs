namespace IotActors.Persistence;

/// <summary>Raised at start-up when a store's schema was written by a newer version of IotActors.</summary>
public sealed class SchemaVersionMismatchException : PersistenceException
{
    /// <summary>Creates the exception naming the store and both versions.</summary>
    public SchemaVersionMismatchException(string store, int foundVersion, int supportedVersion)
        : base($"The persistence store '{store}' has schema version {foundVersion}, but this build supports up to {supportedVersion}. Upgrade IotActors on this node or point it at another store.")
    {
        Store = store;
        FoundVersion = foundVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The file path or schema name of the store.</summary>
    public string Store { get; }

    /// <summary>The version found in the store.</summary>
    public int FoundVersion { get; }

    /// <summary>The highest version this build can migrate to.</summary>
    public int SupportedVersion { get; }
}
