using System.Text.Json;

namespace IotActors.Bench.Report;

/// <summary>bench/anchors.json: the areas with their rows (how to read our figure, the anchor, the target), the plots and the matrix tables.</summary>
internal sealed record AnchorFile(IReadOnlyList<AnchorArea> Areas, IReadOnlyList<PlotSpec> Plots, IReadOnlyList<MatrixTable>? Tables = null)
{
    public static AnchorFile Load(string path)
    {
        if (!File.Exists(path)) { throw new FileNotFoundException($"Anchor file {path} not found; run from the repository root or pass --anchors.", path); }
        try
        {
            var file = JsonSerializer.Deserialize<AnchorFile>(File.ReadAllText(path), BenchResult.Json)
                ?? throw new InvalidDataException($"{path} is empty.");
            foreach (var row in file.Areas.SelectMany(a => a.Rows))
            {
                if (row.Target is not null && row.Better is not ("higher" or "lower"))
                {
                    throw new InvalidDataException($"{path}: row '{row.Figure}' has a target but 'better' is '{row.Better}'; use \"higher\" or \"lower\".");
                }
            }
            foreach (var plot in file.Plots)
            {
                if (plot.YScale is not (null or "linear" or "log"))
                {
                    throw new InvalidDataException($"{path}: plot '{plot.File}' has yScale '{plot.YScale}'; use \"linear\" or \"log\".");
                }
            }
            return file;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid anchor JSON ({ex.Message}).", ex);
        }
    }

    /// <summary>The matrix tables (none when the file has no <c>tables</c>).</summary>
    public IReadOnlyList<MatrixTable> MatrixTables => Tables ?? [];

    /// <summary>The rows whose figures are read from the output of result <paramref name="result"/>, the matrix tables' cells included.</summary>
    public IEnumerable<AnchorRow> RowsFor(string result) =>
        Areas.SelectMany(a => a.Rows).Where(r => r.Result == result)
            .Concat(MatrixTables.Where(t => t.Result == result).SelectMany(t => t.Rows.SelectMany(r => t.Columns.Select(c => t.Cell(r, c)))));
}

/// <summary>One table of the report.</summary>
internal sealed record AnchorArea(string Area, IReadOnlyList<AnchorRow> Rows, string? Note = null);

/// <summary>
/// One figure: read from result <see cref="Result"/>'s output with regex <see cref="Pattern"/> (first group, times
/// <see cref="Scale"/>), shown beside the anchor text and compared with <see cref="Target"/> (<see cref="Better"/> higher/lower).
/// </summary>
internal sealed record AnchorRow(string Figure, string Result, string Pattern, string Unit, string? Anchor = null,
    double? Target = null, string? Better = null, double Scale = 1);

/// <summary>A chart: one value per label per series, each naming a result and figure; <see cref="YScale"/> "log" for a logarithmic y axis.</summary>
internal sealed record PlotSpec(string File, string Title, string Kind, string YLabel, IReadOnlyList<string> Labels,
    IReadOnlyList<PlotSeries> Series, double? Target = null, string? YScale = null);

/// <summary>One series of a plot; points are "result/figure" references in label order.</summary>
internal sealed record PlotSeries(string Name, IReadOnlyList<string> Points);

/// <summary>
/// A table of one result's figures: a row per configuration (<see cref="MatrixRow.Key"/>) and a column per quantity. Cell figures are
/// named "KEY COLUMN" (plots refer to them as "RESULT/KEY COLUMN") and read with the column's pattern, in which <c>{key}</c> stands for the
/// row's key (regex-escaped); they are shown as info (no target).
/// </summary>
internal sealed record MatrixTable(string Title, string Result, string RowHeader, IReadOnlyList<MatrixRow> Rows, IReadOnlyList<MatrixColumn> Columns, string? Note = null)
{
    /// <summary>The figure name of one cell.</summary>
    public static string Figure(MatrixRow row, MatrixColumn column) => $"{row.Key} {column.Name}";

    /// <summary>The extraction row of one cell.</summary>
    public AnchorRow Cell(MatrixRow row, MatrixColumn column) =>
        new(Figure(row, column), Result, column.Pattern.Replace("{key}", System.Text.RegularExpressions.Regex.Escape(row.Key), StringComparison.Ordinal), column.Unit, Scale: column.Scale);
}

/// <summary>One configuration of a <see cref="MatrixTable"/>: its label in the table and the key its output lines carry.</summary>
internal sealed record MatrixRow(string Label, string Key);

/// <summary>One quantity of a <see cref="MatrixTable"/>: header, unit, and the regex (first group, times <see cref="Scale"/>) with <c>{key}</c>.</summary>
internal sealed record MatrixColumn(string Name, string Pattern, string Unit, double Scale = 1);
