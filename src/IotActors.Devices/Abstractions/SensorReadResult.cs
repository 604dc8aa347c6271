namespace IotActors.Devices.Abstractions;

/// <summary>The outcome of one sensor read: metric values, a fault, "not ready yet" or "end of data".</summary>
public sealed record SensorReadResult
{
    private SensorReadResult(SensorReadStatus status, IReadOnlyList<MetricValue> values, DateTimeOffset timestamp, string? reason, bool transient, TimeSpan retryAfter)
    {
        Status = status;
        Values = values;
        Timestamp = timestamp;
        Reason = reason;
        Transient = transient;
        RetryAfter = retryAfter;
    }

    /// <summary>What kind of result this is.</summary>
    public SensorReadStatus Status { get; }

    /// <summary>The metric values of a good reading (empty otherwise).</summary>
    public IReadOnlyList<MetricValue> Values { get; }

    /// <summary>When the values were measured (source time; for replays the recorded timestamp).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Why the read failed or is not ready; null for good readings.</summary>
    public string? Reason { get; }

    /// <summary>True when a fault is expected to clear by itself (retry later).</summary>
    public bool Transient { get; }

    /// <summary>For <see cref="SensorReadStatus.NotReady"/>: how long to wait before the next read.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>True for a good reading.</summary>
    public bool IsOk => Status == SensorReadStatus.Ok;

    /// <summary>Creates a good reading.</summary>
    public static SensorReadResult Ok(DateTimeOffset timestamp, params IReadOnlyList<MetricValue> values) =>
        new(SensorReadStatus.Ok, values, timestamp, null, false, TimeSpan.Zero);

    /// <summary>Creates a failed reading.</summary>
    public static SensorReadResult Fault(DateTimeOffset timestamp, string reason, bool transient) =>
        new(SensorReadStatus.Fault, [], timestamp, reason, transient, TimeSpan.Zero);

    /// <summary>Creates a "no new value yet" result.</summary>
    public static SensorReadResult NotReady(DateTimeOffset timestamp, TimeSpan retryAfter, string reason) =>
        new(SensorReadStatus.NotReady, [], timestamp, reason, true, retryAfter);

    /// <summary>Creates an "end of data" result.</summary>
    public static SensorReadResult EndOfData(DateTimeOffset timestamp) =>
        new(SensorReadStatus.EndOfData, [], timestamp, "end of data", false, TimeSpan.Zero);

    /// <summary>Returns the value of the named metric, or null when absent.</summary>
    public double? ValueOf(string name)
    {
        foreach (var v in Values)
        {
            if (string.Equals(v.Name, name, StringComparison.Ordinal))
            {
                return v.Value;
            }
        }

        return null;
    }
}
