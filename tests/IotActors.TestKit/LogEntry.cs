using Microsoft.Extensions.Logging;

namespace IotActors.TestKit;

/// <summary>One captured log entry with its scope values flattened to strings.</summary>
public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception, IReadOnlyList<string> Scopes);
