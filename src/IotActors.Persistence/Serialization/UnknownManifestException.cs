namespace IotActors.Persistence;

/// <summary>Raised when stored data names a manifest that no type is registered for.</summary>
public sealed class UnknownManifestException : PersistenceException
{
    /// <summary>Creates the exception naming the manifest.</summary>
    public UnknownManifestException(string manifest)
        : base($"No type is registered for the stored manifest '{manifest}'; register it with PersistenceSerializer.Register<T>(\"{manifest}\").")
    {
        Manifest = manifest;
    }

    /// <summary>The unknown manifest.</summary>
    public string Manifest { get; }
}
