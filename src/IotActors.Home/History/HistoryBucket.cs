namespace IotActors.Home.History;

/// <summary>One downsampled point of a chart: the readings in [Start, End) summarised.</summary>
public sealed record HistoryBucket(DateTimeOffset Start, DateTimeOffset End, double Min, double Max, double Avg, long Count);
