using IotActors.Bench.Report;

namespace IotActors.Bench.Tests;

public sealed class CanvasTests
{
    [Fact]
    public void Line_sets_both_end_points_and_the_diagonal_between()
    {
        var canvas = new Canvas(10, 10, Rgb.White);
        canvas.DrawLine(1, 1, 8, 8, Rgb.Black);
        for (var i = 1; i <= 8; i++) { canvas.GetPixel(i, i).Should().Be(Rgb.Black); }
        canvas.GetPixel(0, 9).Should().Be(Rgb.White);
    }

    [Fact]
    public void Drawing_outside_the_canvas_is_clipped_without_error()
    {
        var canvas = new Canvas(4, 4, Rgb.White);
        canvas.FillRect(-5, -5, 100, 2, Rgb.Black);
        canvas.DrawLine(-10, 2, 20, 2, Rgb.Black);
        canvas.GetPixel(3, 3).Should().Be(Rgb.White);
        canvas.GetPixel(3, 2).Should().Be(Rgb.Black);
    }

    [Fact]
    public void Text_draws_the_glyph_bitmap_of_each_character()
    {
        var canvas = new Canvas(20, 10, Rgb.White);
        canvas.DrawText(0, 0, "1-", Rgb.Black);
        // '1' row 0 is 0x04: only the middle column is set.
        canvas.GetPixel(2, 0).Should().Be(Rgb.Black);
        canvas.GetPixel(0, 0).Should().Be(Rgb.White);
        // '-' starts at x = 6; its row 3 is a full bar.
        for (var x = 6; x < 11; x++) { canvas.GetPixel(x, 3).Should().Be(Rgb.Black); }
        BitmapFont.Measure("1-", 2).Should().Be(22);
    }

    [Fact]
    public void Chart_renders_to_a_png_of_the_requested_size()
    {
        var chart = new ChartData("T", ChartKind.Line, "MS", ["A", "B", "C"], [new ChartSeries("S", [1, null, 3])], Target: 2);
        var canvas = ChartRenderer.Render(chart, 320, 200);
        var (width, height, raw, _) = PngDecoder.Decode(canvas.ToPng());
        (width, height).Should().Be((320, 200));
        raw.Length.Should().Be(200 * (1 + (320 * 3)));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(3.2, 5)]
    [InlineData(180, 200)]
    [InlineData(2200, 2500)]
    public void Axis_maximum_rounds_up_to_a_nice_number(double value, double expected)
    {
        ChartRenderer.NiceCeiling(value).Should().BeApproximately(expected, 1e-9);
    }
}
