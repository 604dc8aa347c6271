namespace IotActors.Home.Actors;

/// <summary>A raw sample of a remote peer (from a gateway or the HTTP ingest) for its sensor actor.</summary>
/// <param name="DeviceId">The peer's device id.</param>
/// <param name="Metric">What was measured.</param>
/// <param name="Unit">The unit, or empty.</param>
/// <param name="Value">The measured value.</param>
/// <param name="SourceTime">When the peer measured it.</param>
public sealed record IngestSample(string DeviceId, string Metric, string Unit, double Value, DateTimeOffset SourceTime);

/// <summary>Timer message of the sensor: its health may have changed.</summary>
internal sealed record HealthTick
{
    public static HealthTick Instance { get; } = new();
}

/// <summary>Timer message of the sensor: write the pending site state.</summary>
internal sealed record FlushSiteState
{
    public static FlushSiteState Instance { get; } = new();
}
