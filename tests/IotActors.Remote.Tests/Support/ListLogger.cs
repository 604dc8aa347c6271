using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote.Tests.Support;

/// <summary>Collects formatted log lines for assertions.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");

    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public Task WaitForAsync(string text, int timeoutMs = 10_000) =>
        Await.UntilAsync(() => Contains(text), timeoutMs, () => $"log line containing '{text}'; lines:\n{string.Join("\n", _lines)}");
}
