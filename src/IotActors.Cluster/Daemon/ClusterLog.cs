using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Daemon;

/// <summary>Source-generated log messages of the cluster daemon.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "cluster event {Event}: {Address} (uid {Uid}) is {Status}")]
    public static partial void MemberEvent(ILogger logger, string @event, string address, long uid, string status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "cluster event LeaderChanged: leader is now {Leader}")]
    public static partial void LeaderChanged(ILogger logger, string leader);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "cluster: {Self} formed a new cluster {ClusterId}")]
    public static partial void Formed(ILogger logger, string self, Guid clusterId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "cluster: {Self} joining through {Seed}")]
    public static partial void Joining(ILogger logger, string self, string seed);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "cluster: {Self} was welcomed into cluster {ClusterId} by {Seed}")]
    public static partial void Welcomed(ILogger logger, string self, Guid clusterId, string seed);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "cluster: downing {Count} unreachable member(s) [{Members}] (keep-majority, stable for {Stable})")]
    public static partial void DowningUnreachable(ILogger logger, int count, string members, TimeSpan stable);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "cluster: this side is the minority; downing itself [{Members}] (keep-majority)")]
    public static partial void DowningSelfSide(ILogger logger, string members);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "cluster: {Self} was downed; left the cluster ({Next})")]
    public static partial void SelfDowned(ILogger logger, string self, string next);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "cluster: {Self} left the cluster (removed after leaving)")]
    public static partial void SelfRemoved(ILogger logger, string self);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "cluster: {Self} is leaving")]
    public static partial void Leaving(ILogger logger, string self);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "cluster: ignored {Message} from {Origin}: {Reason}")]
    public static partial void Ignored(ILogger logger, string message, string origin, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "cluster: {Address} marked Down by request")]
    public static partial void DownedByRequest(ILogger logger, string address);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "cluster: {Self} started (discovery {Discovery}, seed nodes [{Seeds}])")]
    public static partial void Started(ILogger logger, string self, string discovery, string seeds);
}
