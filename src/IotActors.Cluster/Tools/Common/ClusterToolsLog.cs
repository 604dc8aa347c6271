using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Tools.Common;

/// <summary>Source-generated log messages of pub-sub, the registry and replicated state.</summary>
internal static partial class ClusterToolsLog
{
    [LoggerMessage(EventId = 4501, Level = LogLevel.Warning, Message = "pub-sub: message type {Type} published on topic '{Topic}' is not registered in the MessageRegistry; delivered to local subscribers only (register it with registry.Register<T>(manifest, jsonTypeInfo))")]
    public static partial void UnregisteredPublish(ILogger logger, string type, string topic);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "pub-sub: dropped a message on topic '{Topic}' from {Origin}: {Reason}")]
    public static partial void InboundDropped(ILogger logger, string topic, string origin, string reason);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Information, Message = "{Tool}: pruned node {Node} ({Keys} key(s))")]
    public static partial void Pruned(ILogger logger, string tool, string node, int keys);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Information, Message = "replicated state: marked {Count} entr(ies) of removed node {Node}")]
    public static partial void MarkedRemoved(ILogger logger, int count, string node);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Information, Message = "replicated state: loaded {Count} entr(ies) from {File}")]
    public static partial void Loaded(ILogger logger, int count, string file);

    [LoggerMessage(EventId = 4506, Level = LogLevel.Warning, Message = "replicated state: could not {Action} {File}: {Reason}")]
    public static partial void StoreFailed(ILogger logger, string action, string file, string reason);

    [LoggerMessage(EventId = 4507, Level = LogLevel.Warning, Message = "{Tool}: ignored {Message} from {Origin}: {Reason}")]
    public static partial void GossipIgnored(ILogger logger, string tool, string message, string origin, string reason);
}
