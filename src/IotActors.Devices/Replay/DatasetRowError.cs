namespace IotActors.Devices.Replay;

/// <summary>A dataset row that was skipped, with its 1-based line number and why.</summary>
public sealed record DatasetRowError(int Line, string Reason);
