using IotActors.Home.Model;

namespace IotActors.Home.Sensors;

/// <summary>A sensor's stamping state: the last sequence number issued and the last accepted sample time; each stamp returns a new value.</summary>
/// <param name="DeviceId">The sensor's device id.</param>
/// <param name="LastSequenceNr">The last sequence number issued (0 before the first reading).</param>
/// <param name="LastAcceptedAt">Source time of the last accepted sample, or null.</param>
public sealed record SensorStamp(string DeviceId, long LastSequenceNr, DateTimeOffset? LastAcceptedAt)
{
    /// <summary>A sensor that has issued nothing, or resumes after <paramref name="lastSequenceNr"/> (e.g. recovered from storage).</summary>
    public static SensorStamp Start(string deviceId, long lastSequenceNr = 0) => new(deviceId, lastSequenceNr, null);

    /// <summary>Validates a sample and, if accepted, stamps it with the next sequence number.</summary>
    /// <returns>The new stamp state, the reading (null when rejected) and the verdict.</returns>
    public (SensorStamp State, Reading? Reading, SampleVerdict Verdict) Stamp(
        SampleValidator validator, string metric, string unit, double value, DateTimeOffset sourceTime, string? nodeAddress = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var verdict = validator.Validate(metric, value, sourceTime, LastAcceptedAt);
        if (!verdict.Accepted)
        {
            return (this, null, verdict);
        }

        long next = checked(LastSequenceNr + 1);
        var reading = new Reading(DeviceId, metric, unit, value, next, sourceTime, nodeAddress);
        return (this with { LastSequenceNr = next, LastAcceptedAt = sourceTime }, reading, verdict);
    }
}
