using System.Globalization;
using System.Text.Json;

namespace IotActors.Bench.Report;

/// <summary><c>record --name N --cmd "..." (--log FILE --exit-code C | --not-run REASON)</c>: stores one result as bench/results/N.json.</summary>
internal sealed class RecordCommand : IBenchCommand
{
    public string Name => "record";

    public string Usage => "--name N --cmd TEXT (--log FILE --exit-code C | --not-run REASON) [--anchors bench/anchors.json] [--out bench/results]";

    public Task<int> RunAsync(string[] args)
    {
        try
        {
            var name = OptionArgs.Required(args, "--name");
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) { throw new ArgumentException($"--name '{name}' is not a valid file name."); }
            var anchors = AnchorFile.Load(OptionArgs.Get(args, "--anchors") ?? "bench/anchors.json");
            var result = Build(name, OptionArgs.Required(args, "--cmd"), OptionArgs.Get(args, "--log"), OptionArgs.Get(args, "--exit-code"),
                OptionArgs.Get(args, "--not-run"), anchors, DateTimeOffset.UtcNow, BenchResult.ReadLoadAverage());
            var dir = OptionArgs.Get(args, "--out") ?? "bench/results";
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(result, BenchResult.Json));
            Console.WriteLine($"{name}: {result.Status}{(result.Reason is null ? "" : $" ({result.Reason})")}, {result.Figures.Count} figures");
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"record: {ex.Message}");
            return Task.FromResult(2);
        }
    }

    internal static BenchResult Build(string name, string command, string? log, string? exitCode, string? notRun, AnchorFile anchors,
        DateTimeOffset now, double[] load)
    {
        if (notRun is not null) { return new BenchResult(name, command, now, load, BenchResult.NotRun, notRun, -1, [], []); }
        if (log is null || !File.Exists(log)) { throw new ArgumentException($"--log {log} does not exist; pass the captured output or --not-run REASON."); }
        var code = exitCode is null ? 0 : int.Parse(exitCode, CultureInfo.InvariantCulture);
        var lines = File.ReadAllLines(log);
        var figures = FigureExtractor.Extract(name, lines, anchors);
        var status = code == 0 ? BenchResult.Ok : BenchResult.Failed;
        string? reason = code == 0 ? null : $"exit code {code}: {lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no output"}";
        return new BenchResult(name, command, now, load, status, reason, code, figures, lines.TakeLast(40).ToArray());
    }
}
