using System.Net;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Discovery;

/// <summary>Source-generated log messages of discovery.</summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Ignored discovery datagram from {Source}: {Reason} (further ones from this source are not logged for {Interval})")]
    public static partial void IgnoredBeacon(ILogger logger, IPEndPoint source, BeaconRejectReason reason, TimeSpan interval);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Sending a discovery beacon to {Target} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, IPEndPoint target, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Discovery socket bound to {Local}, sending to {Targets}")]
    public static partial void Bound(ILogger logger, EndPoint? local, string targets);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Discovery cannot bind UDP port {Port} ({Error}); this node finds the cluster through seed nodes only")]
    public static partial void BindFailed(ILogger logger, int port, string error);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Receiving discovery datagrams failed: {Error}")]
    public static partial void ReceiveFailed(ILogger logger, string error);
}
