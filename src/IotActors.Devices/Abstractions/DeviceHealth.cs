namespace IotActors.Devices.Abstractions;

/// <summary>Health counters of one device driver: last good read, consecutive and total errors.</summary>
/// <remarks>Updated only by the thread that drives the device; <see cref="Snapshot"/> gives an immutable copy for messages.</remarks>
public sealed class DeviceHealth
{
    /// <summary>When the last good read or write happened, or null if none yet.</summary>
    public DateTimeOffset? LastGood { get; private set; }

    /// <summary>When the last error happened, or null if none yet.</summary>
    public DateTimeOffset? LastError { get; private set; }

    /// <summary>The reason of the last error.</summary>
    public string? LastErrorReason { get; private set; }

    /// <summary>Errors since the last good operation.</summary>
    public int ConsecutiveErrors { get; private set; }

    /// <summary>All errors since start.</summary>
    public long TotalErrors { get; private set; }

    /// <summary>All good operations since start.</summary>
    public long TotalGood { get; private set; }

    /// <summary>Records a good read or write.</summary>
    public void RecordSuccess(DateTimeOffset at)
    {
        LastGood = at;
        ConsecutiveErrors = 0;
        TotalGood++;
    }

    /// <summary>Records a failed read or write.</summary>
    public void RecordError(DateTimeOffset at, string reason)
    {
        LastError = at;
        LastErrorReason = reason;
        ConsecutiveErrors++;
        TotalErrors++;
    }

    /// <summary>Returns an immutable copy of the counters.</summary>
    public DeviceHealthSnapshot Snapshot() =>
        new(LastGood, LastError, LastErrorReason, ConsecutiveErrors, TotalErrors, TotalGood);
}
