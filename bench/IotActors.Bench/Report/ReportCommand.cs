using System.Text.Json;

namespace IotActors.Bench.Report;

/// <summary><c>report</c>: renders docs/benchmarks.md and docs/img/*.png from bench/results/*.json and bench/anchors.json.</summary>
internal sealed class ReportCommand : IBenchCommand
{
    public string Name => "report";

    public string Usage => "[--results bench/results] [--anchors bench/anchors.json] [--notes bench/missed-notes.json] [--out docs/benchmarks.md] [--img docs/img]";

    public Task<int> RunAsync(string[] args)
    {
        try
        {
            var anchors = AnchorFile.Load(OptionArgs.Get(args, "--anchors") ?? "bench/anchors.json");
            var results = BenchResult.LoadAll(OptionArgs.Get(args, "--results") ?? "bench/results");
            var notesPath = OptionArgs.Get(args, "--notes") ?? "bench/missed-notes.json";
            var notes = File.Exists(notesPath)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(notesPath), BenchResult.Json) ?? []
                : [];
            var output = OptionArgs.Get(args, "--out") ?? "docs/benchmarks.md";
            var imgDir = OptionArgs.Get(args, "--img") ?? "docs/img";
            Directory.CreateDirectory(imgDir);
            foreach (var (file, chart) in ReportRenderer.Charts(anchors, results))
            {
                File.WriteAllBytes(Path.Combine(imgDir, file), ChartRenderer.Render(chart).ToPng());
            }
            var relImg = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFullPath(imgDir));
            File.WriteAllText(output, ReportRenderer.Render(anchors, results, MachineInfo.Current(), notes, relImg));
            Console.WriteLine($"report: {results.Count} results, {anchors.Plots.Count} plots -> {output}");
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or JsonException)
        {
            Console.Error.WriteLine($"report: {ex.Message}");
            return Task.FromResult(2);
        }
    }
}
