namespace IotActors.Bench.Report;

/// <summary>One named series of a chart; a null value is a point that was not measured.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>What a chart shows: categories on x, one or more series, an optional target line, and a linear or logarithmic y axis.</summary>
internal sealed record ChartData(string Title, ChartKind Kind, string YLabel, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, double? Target = null,
    bool LogScale = false);

/// <summary>Grouped bars or lines through the points.</summary>
internal enum ChartKind
{
    Bar,
    Line,
}
