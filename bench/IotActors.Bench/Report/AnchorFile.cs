using System.Text.Json;

namespace IotActors.Bench.Report;

/// <summary>bench/anchors.json: the areas with their rows (how to read our figure, the anchor, the target) and the plots.</summary>
internal sealed record AnchorFile(IReadOnlyList<AnchorArea> Areas, IReadOnlyList<PlotSpec> Plots)
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
            return file;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid anchor JSON ({ex.Message}).", ex);
        }
    }

    /// <summary>The rows whose figures are read from the output of result <paramref name="result"/>.</summary>
    public IEnumerable<AnchorRow> RowsFor(string result) => Areas.SelectMany(a => a.Rows).Where(r => r.Result == result);
}

/// <summary>One table of the report.</summary>
internal sealed record AnchorArea(string Area, IReadOnlyList<AnchorRow> Rows, string? Note = null);

/// <summary>
/// One figure: read from result <see cref="Result"/>'s output with regex <see cref="Pattern"/> (first group, times
/// <see cref="Scale"/>), shown beside the anchor text and compared with <see cref="Target"/> (<see cref="Better"/> higher/lower).
/// </summary>
internal sealed record AnchorRow(string Figure, string Result, string Pattern, string Unit, string? Anchor = null,
    double? Target = null, string? Better = null, double Scale = 1);

/// <summary>A chart: one value per label per series, each naming a result and figure.</summary>
internal sealed record PlotSpec(string File, string Title, string Kind, string YLabel, IReadOnlyList<string> Labels,
    IReadOnlyList<PlotSeries> Series, double? Target = null);

/// <summary>One series of a plot; points are "result/figure" references in label order.</summary>
internal sealed record PlotSeries(string Name, IReadOnlyList<string> Points);
