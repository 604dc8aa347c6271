using System.Globalization;

namespace IotActors.Bench.E2e;

/// <summary>The fan's transitions as its node logged them ("actuator fan-1 is now active=True: ..."), logged right after the event was persisted and StateChanged published.</summary>
internal static class ActuatorLog
{
    /// <summary>One logged transition: its 1-based number since the actuator started, the new state and the log time (UTC, 1 ms resolution).</summary>
    public sealed record Transition(long Number, bool Active, DateTimeOffset At);

    public static IReadOnlyList<Transition> Read(string logFile, string deviceId)
    {
        var marker = $"actuator {deviceId} is now active=";
        var result = new List<Transition>();
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            int at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || line.Length < 23) { continue; }
            var time = DateTimeOffset.ParseExact(line[..23], "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            result.Add(new Transition(result.Count + 1, line.AsSpan(at + marker.Length).StartsWith("True", StringComparison.Ordinal), time));
        }
        return result;
    }
}
