namespace IotActors.Home.Model;

/// <summary>A validated, stamped sensor sample as published on the cluster topic <c>readings</c>.</summary>
/// <param name="DeviceId">The sensor's device id, e.g. <c>living-room-temp</c>.</param>
/// <param name="Metric">What was measured, e.g. <c>temperature</c>.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>, e.g. <c>C</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="SequenceNr">Per-device monotonic sequence number, starting at 1.</param>
/// <param name="SourceTime">When the sample was taken at its source.</param>
/// <param name="NodeAddress">Address of the node that owns the sensor, when known.</param>
public sealed record Reading(
    string DeviceId,
    string Metric,
    string Unit,
    double Value,
    long SequenceNr,
    DateTimeOffset SourceTime,
    string? NodeAddress = null);
