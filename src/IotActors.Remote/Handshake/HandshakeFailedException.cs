namespace IotActors.Remote.Handshake;

/// <summary>The link handshake with a peer failed; <see cref="Failure"/> names the check.</summary>
public sealed class HandshakeFailedException(HandshakeFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The check that failed.</summary>
    public HandshakeFailure Failure { get; } = failure;
}
