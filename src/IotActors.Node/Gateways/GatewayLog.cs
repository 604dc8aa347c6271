using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Source-generated log lines of the gateways.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "{Gateway} gateway listening on {Endpoint} (unsigned input {Unsigned})")]
    public static partial void Listening(ILogger logger, string gateway, string endpoint, string unsigned);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Gateway} gateway rejected input from {Source}: {Reason} ({Detail}); {Suppressed} earlier rejections from this source were counted but not logged")]
    public static partial void Rejected(ILogger logger, string gateway, string source, string reason, string detail, long suppressed);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "remote peer {DeviceId} discovered at {Source}")]
    public static partial void PeerDiscovered(ILogger logger, string deviceId, string source);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "reading sink failed for a reading from {Source}")]
    public static partial void SinkFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "{Gateway} gateway receive loop failed; continuing")]
    public static partial void ReceiveFailed(ILogger logger, string gateway, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "gateway has no cluster secret ({Where}); signed datagrams will be rejected")]
    public static partial void NoSecret(ILogger logger, string where);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "CSV data log could not write to {Path}")]
    public static partial void DataLogFailed(ILogger logger, string path, Exception exception);
}
