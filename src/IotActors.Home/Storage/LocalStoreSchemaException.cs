namespace IotActors.Home.Storage;

/// <summary>A node-local database file was written by a newer version of IotActors.</summary>
public sealed class LocalStoreSchemaException : Exception
{
    /// <summary>Creates the exception naming the file and both schema versions.</summary>
    public LocalStoreSchemaException(string path, int found, int supported)
        : base($"The database file '{path}' has schema version {found}, but this version of IotActors supports up to {supported}. Upgrade IotActors or move the file aside.")
    {
        FilePath = path;
        FoundVersion = found;
        SupportedVersion = supported;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version in the file.</summary>
    public int FoundVersion { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public int SupportedVersion { get; }
}
