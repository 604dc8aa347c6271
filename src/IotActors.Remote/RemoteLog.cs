using IotActors.Remote.Handshake;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote;

/// <summary>Source-generated log messages of the remote transport.</summary>
internal static partial class RemoteLog
{
    [LoggerMessage(1, LogLevel.Information, "Remote transport listening at {Address} (TLS {Tls})")]
    public static partial void Listening(ILogger logger, NodeAddress address, bool tls);

    [LoggerMessage(2, LogLevel.Warning, "Handshake with {EndPoint} failed ({Failure}): {Reason}; connection closed")]
    public static partial void HandshakeFailed(ILogger logger, string endPoint, HandshakeFailure failure, string reason);

    [LoggerMessage(3, LogLevel.Information, "Link to {Peer} established ({Direction})")]
    public static partial void PeerConnected(ILogger logger, NodeIdentity peer, string direction);

    [LoggerMessage(4, LogLevel.Warning, "Link to {Peer} at {EndPoint} closed: {Reason}")]
    public static partial void LinkError(ILogger logger, NodeIdentity peer, string endPoint, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Dropped message from {Sender}: unknown manifest '{Manifest}'")]
    public static partial void UnknownManifest(ILogger logger, NodeIdentity sender, string manifest);

    [LoggerMessage(6, LogLevel.Warning, "Dropped message from {Sender}: payload of manifest '{Manifest}' did not deserialize ({Detail})")]
    public static partial void BadPayload(ILogger logger, NodeIdentity sender, string manifest, string? detail);

    [LoggerMessage(7, LogLevel.Warning, "Rejected message from {Sender}: roles [{Roles}] may not send manifest '{Manifest}'")]
    public static partial void PolicyRejected(ILogger logger, NodeIdentity sender, string manifest, string roles);

    [LoggerMessage(8, LogLevel.Debug, "Connecting to {Address} failed (attempt {Attempt}), retrying in {Delay}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, NodeAddress address, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Peer {Old} restarted as {New}; {Dropped} undelivered system messages for the old incarnation discarded")]
    public static partial void IncarnationChanged(ILogger logger, NodeIdentity old, NodeIdentity @new, int dropped);

    [LoggerMessage(10, LogLevel.Warning, "Peer {Peer} is unreachable (phi {Phi:F1})")]
    public static partial void Unreachable(ILogger logger, NodeIdentity peer, double phi);

    [LoggerMessage(11, LogLevel.Information, "Peer {Peer} is reachable again")]
    public static partial void Reachable(ILogger logger, NodeIdentity peer);

    [LoggerMessage(12, LogLevel.Warning, "Cluster secret file {Path} is readable by others (mode {Mode}); run chmod 600 on it")]
    public static partial void SecretFilePermissive(ILogger logger, string path, UnixFileMode mode);

    [LoggerMessage(13, LogLevel.Error, "An event handler of the remote transport threw")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Debug, "Refusing duplicate link from {Peer}; keeping the one opened by the lower address")]
    public static partial void DuplicateLink(ILogger logger, NodeIdentity peer);
}
