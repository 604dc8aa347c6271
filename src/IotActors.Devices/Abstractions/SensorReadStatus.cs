namespace IotActors.Devices.Abstractions;

/// <summary>What a single <see cref="ISensorDriver.Read"/> call produced.</summary>
public enum SensorReadStatus
{
    /// <summary>A good reading with metric values.</summary>
    Ok,

    /// <summary>The read failed; see <see cref="SensorReadResult.Reason"/> and <see cref="SensorReadResult.Transient"/>.</summary>
    Fault,

    /// <summary>No new value yet (rate limit or replay pacing); try again after <see cref="SensorReadResult.RetryAfter"/>.</summary>
    NotReady,

    /// <summary>The source has no more data (a dataset replay without loop finished).</summary>
    EndOfData,
}
