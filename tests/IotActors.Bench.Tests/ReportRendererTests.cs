using System.Text.Json;
using IotActors.Bench.Report;

namespace IotActors.Bench.Tests;

public sealed class ReportRendererTests
{
    private const string AnchorsJson = """
        { "areas": [
            { "area": "Kernel", "rows": [
              { "figure": "pingpong", "result": "pingpong", "pattern": "^pingpong: ([0-9.]+) msgs/s", "unit": "msgs/s", "anchor": "26M", "target": 30000000, "better": "higher" },
              { "figure": "single pair", "result": "pingpong-single", "pattern": "^ns/msg: ([0-9.]+)", "unit": "ns/msg", "target": 100, "better": "lower" } ] },
            { "area": "Remote", "rows": [
              { "figure": "ask p99", "result": "remote", "pattern": "p99=([0-9.]+) us", "unit": "ms", "scale": 0.001, "target": 1, "better": "lower" } ] },
            { "area": "E2E", "rows": [
              { "figure": "throughput", "result": "e2e", "pattern": "([0-9.]+) readings/s", "unit": "readings/s", "target": 20000, "better": "higher" } ] } ],
          "plots": [ { "file": "k.png", "title": "K", "kind": "bar", "yLabel": "MSGS/S", "labels": ["A"], "series": [ { "name": "S", "points": ["pingpong/pingpong"] } ] } ] }
        """;

    private static readonly MachineInfo Machine = new(2, "23.4 GiB", "Debian", ".NET 10.0.0", "Test CPU @ 2 GHz");

    private static AnchorFile Anchors()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, AnchorsJson);
        try { return AnchorFile.Load(path); } finally { File.Delete(path); }
    }

    private static BenchResult Result(string name, Dictionary<string, double> figures, double load = 0.5, string status = BenchResult.Ok, string? reason = null) =>
        new(name, "cmd " + name, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), [load, load, load], status, reason, 0, figures, []);

    private static IReadOnlyList<BenchResult> Fixture() =>
    [
        Result("pingpong", new() { ["pingpong"] = 31_000_000 }),
        Result("pingpong-single", new() { ["single pair"] = 140 }, load: 3.2),
        Result("remote", new() { ["ask p99"] = 0.4 }),
        Result("e2e", [], status: BenchResult.NotRun, reason: "command 'e2e' does not exist yet"),
    ];

    [Fact]
    public void Report_has_a_table_per_area_the_machine_the_plots_and_a_missed_targets_section()
    {
        var md = ReportRenderer.Render(Anchors(), Fixture(), Machine, new Dictionary<string, string>(), "img");

        md.Should().Contain("## Machine").And.Contain("Test CPU @ 2 GHz").And.Contain("| cores | 2 |").And.Contain(".NET 10.0.0");
        foreach (var area in new[] { "Kernel", "Remote", "E2E" }) { md.Should().Contain($"## {area}\n\n"); }
        md.Should().Contain("| pingpong | 31,000,000 msgs/s | 26M | >= 30,000,000 msgs/s | met |");
        md.Should().Contain("| ask p99 | 0.4 ms |").And.Contain("<= 1 ms | met |");
        md.Should().Contain("![K](img/k.png)");
        var missed = md[md.IndexOf("## Missed targets", StringComparison.Ordinal)..];
        missed.Should().Contain("Kernel: single pair | 140 ns/msg | <= 100 ns/msg | measured under load");
        missed.Should().Contain("E2E: throughput | not measured | >= 20,000 readings/s | command 'e2e' does not exist yet");
        missed.Should().NotContain("pingpong |");
        md.Should().Contain("## Not run").And.Contain("- `e2e`: not run: command 'e2e' does not exist yet");
    }

    [Fact]
    public void Report_says_figures_were_taken_under_load_only_when_the_load_average_exceeded_the_limit()
    {
        ReportRenderer.Render(Anchors(), Fixture(), Machine, new Dictionary<string, string>(), "img").Should().Contain("Taken under load");
        var quiet = Fixture().Select(r => r with { LoadAverage = [0.2, 0.2, 0.2] }).ToList();
        ReportRenderer.Render(Anchors(), quiet, Machine, new Dictionary<string, string>(), "img").Should().NotContain("Taken under load");
    }

    [Fact]
    public void A_note_explains_a_missed_target_instead_of_the_default_reason()
    {
        var notes = new Dictionary<string, string> { ["single pair"] = "mailbox hand-off dominates" };
        ReportRenderer.Render(Anchors(), Fixture(), Machine, notes, "img").Should().Contain("| mailbox hand-off dominates |");
    }

    [Fact]
    public void Report_with_every_target_met_says_none_were_missed()
    {
        var anchors = Anchors() with { Areas = [Anchors().Areas[0] with { Rows = [Anchors().Areas[0].Rows[0]] }] };
        ReportRenderer.Render(anchors, Fixture(), Machine, new Dictionary<string, string>(), "img").Should().Contain("None: every target was measured and met.");
    }

    [Fact]
    public void Record_reads_figures_with_patterns_and_scale_and_round_trips_through_json()
    {
        var log = Path.GetTempFileName();
        File.WriteAllLines(log, ["warming up", "remote-pingpong ask (1 client): p50=210 us p99=850 us"]);
        try
        {
            var result = RecordCommand.Build("remote", "cmd", log, "0", null, Anchors(), DateTimeOffset.UnixEpoch, [2.0, 1.0, 0.5]);
            result.Status.Should().Be(BenchResult.Ok);
            result.Figures["ask p99"].Should().BeApproximately(0.85, 1e-9);
            var back = JsonSerializer.Deserialize<BenchResult>(JsonSerializer.Serialize(result, BenchResult.Json), BenchResult.Json)!;
            back.Figures.Should().Equal(result.Figures);
            back.LoadAverage.Should().Equal(2.0, 1.0, 0.5);
        }
        finally { File.Delete(log); }
    }

    [Fact]
    public void Record_marks_a_non_zero_exit_as_failed_with_the_last_output_line()
    {
        var log = Path.GetTempFileName();
        File.WriteAllLines(log, ["boom: the node exited", ""]);
        try
        {
            var result = RecordCommand.Build("remote", "cmd", log, "3", null, Anchors(), DateTimeOffset.UnixEpoch, []);
            result.Status.Should().Be(BenchResult.Failed);
            result.Reason.Should().Be("exit code 3: boom: the node exited");
        }
        finally { File.Delete(log); }
    }

    [Fact]
    public void Anchor_row_with_a_target_but_no_direction_is_rejected_with_the_row_named()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "areas": [ { "area": "A", "rows": [ { "figure": "f", "result": "r", "pattern": "x", "unit": "u", "target": 1 } ] } ], "plots": [] }""");
        try
        {
            var act = () => AnchorFile.Load(path);
            act.Should().Throw<InvalidDataException>().WithMessage("*row 'f'*higher*");
        }
        finally { File.Delete(path); }
    }
}
