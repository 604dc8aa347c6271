namespace IotActors.Devices.Replay;

/// <summary>A loaded dataset: the good records in file order and the rows that were skipped.</summary>
public sealed record Dataset(string Source, IReadOnlyList<DatasetRecord> Records, IReadOnlyList<DatasetRowError> Skipped)
{
    /// <summary>True when every record has a timestamp (needed for recorded pacing).</summary>
    public bool HasTimestamps => Records.Count > 0 && Records.All(r => r.Timestamp is not null);
}
