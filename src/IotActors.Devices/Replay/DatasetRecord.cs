using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Replay;

/// <summary>One good row of a dataset: its recorded time (if any), metric values and source line.</summary>
public sealed record DatasetRecord(DateTimeOffset? Timestamp, IReadOnlyList<MetricValue> Values, int Line);
