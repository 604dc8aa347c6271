namespace IotActors.Node.Api.Metrics;

/// <summary>One value of a metric with its label values (in the family's label-name order).</summary>
public sealed record MetricSample(IReadOnlyList<string> LabelValues, double Value);
