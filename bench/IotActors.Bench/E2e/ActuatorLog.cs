using System.Globalization;

namespace IotActors.Bench.E2e;

/// <summary>Timed on/off lines of a node's log: the fan's transitions and the controller's decisions.</summary>
internal static class ActuatorLog
{
    /// <summary>One logged line: its 1-based number among the matching lines, the new state and the log time (UTC, 1 ms resolution).</summary>
    public sealed record Transition(long Number, bool Active, DateTimeOffset At);

    /// <summary>The fan's transitions ("actuator fan-1 is now active=True: ..."), logged right after the event was persisted and StateChanged published.</summary>
    public static IReadOnlyList<Transition> Read(string logFile, string deviceId) => ReadMarked(logFile, $"actuator {deviceId} is now active=");

    /// <summary>The controller's decisions ("rule e2e-fan: fan-1 should be active=True: ..."), logged just before it sends the command.</summary>
    public static IReadOnlyList<Transition> Decisions(string logFile, string ruleId, string deviceId) => ReadMarked(logFile, $"rule {ruleId}: {deviceId} should be active=");

    private static List<Transition> ReadMarked(string logFile, string marker)
    {
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
