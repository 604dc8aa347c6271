using Microsoft.Extensions.Logging;

namespace IotActors.Node.Export;

/// <summary>Source-generated log lines of the export.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "exporting readings to {Url} in batches of {BatchSize}; {Queued} waiting in {Outbox}")]
    public static partial void Started(ILogger logger, Uri url, int batchSize, long queued, string outbox);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "export of batch {Key} ({Count} readings) failed: {Error}; retry in {Delay}")]
    public static partial void Failed(ILogger logger, string key, int count, string error, TimeSpan delay);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "export outbox full: dropped the {Dropped} oldest readings")]
    public static partial void Dropped(ILogger logger, long dropped);
}
