namespace IotActors.Remote;

/// <summary>Stands for an exception carried by a <c>Status.Failure</c> reply from another node (type name and message only).</summary>
public sealed class RemoteFailureException(string remoteType, string message) : Exception($"{remoteType} on remote node: {message}")
{
    /// <summary>The full type name of the exception on the sending node.</summary>
    public string RemoteType { get; } = remoteType;
}
