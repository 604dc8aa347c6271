using Microsoft.Extensions.Logging;

namespace IotActors.Home.History;

internal static partial class HistoryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Writing {Count} readings to {Path} failed; they are counted as dropped")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count, string path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "History queue of {Path} is full ({Capacity}); readings are being dropped ({Dropped} so far)")]
    public static partial void Dropping(ILogger logger, string path, int capacity, long dropped);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Pruned {Count} readings older than {Cutoff} from {Path}")]
    public static partial void Pruned(ILogger logger, long count, DateTimeOffset cutoff, string path);
}
