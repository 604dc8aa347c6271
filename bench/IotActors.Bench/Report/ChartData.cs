namespace IotActors.Bench.Report;

/// <summary>One named series of a chart; a null value is a point that was not measured.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>What a chart shows: categories on x, one or more series, and an optional target line.</summary>
internal sealed record ChartData(string Title, ChartKind Kind, string YLabel, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, double? Target = null);

/// <summary>Grouped bars or lines through the points.</summary>
internal enum ChartKind
{
    Bar,
    Line,
}
