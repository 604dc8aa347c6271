using Microsoft.Extensions.Logging;

namespace IotActors.Persistence.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Persistence store {Store} migrated from schema version {From} to {To}")]
    public static partial void Migrated(ILogger logger, string store, int from, int to);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Journal transaction on {Store} failed; {Count} writes were not stored")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string store, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Persistence store {Store} opened")]
    public static partial void Opened(ILogger logger, string store);
}
