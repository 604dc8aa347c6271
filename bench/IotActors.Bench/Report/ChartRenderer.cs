using System.Globalization;

namespace IotActors.Bench.Report;

/// <summary>Draws a <see cref="ChartData"/> onto a canvas: title, y axis with ticks, x labels, bars or polylines, legend, target line.</summary>
internal static class ChartRenderer
{
    private const int Left = 70, Right = 20, Top = 40, Bottom = 60;

    public static Canvas Render(ChartData chart, int width = 640, int height = 360)
    {
        var canvas = new Canvas(width, height, Rgb.White);
        canvas.DrawText(Left, 10, chart.Title, Rgb.Black, 2);
        canvas.DrawText(4, Top - 12, chart.YLabel, Rgb.DarkGrey);
        int plotW = width - Left - Right, plotH = height - Top - Bottom, x0 = Left, y0 = height - Bottom;

        var values = chart.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        if (chart.Target is { } t) { values.Add(t); }
        var (fraction, ticks) = chart.LogScale ? LogAxis(values) : LinearAxis(values);
        int Y(double v) => y0 - (int)Math.Round(Math.Clamp(fraction(v), 0, 1) * plotH);

        foreach (var v in ticks)
        {
            var y = Y(v);
            canvas.DrawLine(x0, y, x0 + plotW, y, Rgb.Grey);
            var label = Format(v);
            canvas.DrawText(x0 - 6 - BitmapFont.Measure(label, 1), y - 3, label, Rgb.DarkGrey);
        }
        canvas.DrawLine(x0, Top, x0, y0, Rgb.Black);
        canvas.DrawLine(x0, y0, x0 + plotW, y0, Rgb.Black);

        var n = Math.Max(1, chart.Labels.Count);
        var slot = plotW / n;
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            var cx = x0 + (slot * i) + (slot / 2);
            canvas.DrawText(cx - (BitmapFont.Measure(chart.Labels[i], 1) / 2), y0 + 6, chart.Labels[i], Rgb.Black);
        }

        if (chart.Kind == ChartKind.Bar) { DrawBars(canvas, chart, x0, slot, Y, y0); }
        else { DrawLines(canvas, chart, x0, slot, Y); }

        if (chart.Target is { } target)
        {
            var ty = Y(target);
            for (var x = x0; x < x0 + plotW; x += 8) { canvas.DrawLine(x, ty, Math.Min(x + 4, x0 + plotW), ty, Rgb.Palette[3], 2); }
            canvas.DrawText(x0 + plotW - BitmapFont.Measure("TARGET", 1) - 2, ty - 10, "TARGET", Rgb.Palette[3]);
        }

        var lx = x0;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Rgb.Palette[s % Rgb.Palette.Length];
            canvas.FillRect(lx, height - 20, 10, 10, color);
            canvas.DrawText(lx + 14, height - 18, chart.Series[s].Name, Rgb.Black);
            lx += 14 + BitmapFont.Measure(chart.Series[s].Name, 1) + 16;
        }
        return canvas;
    }

    private static void DrawBars(Canvas canvas, ChartData chart, int x0, int slot, Func<double, int> y, int y0)
    {
        var groups = Math.Max(1, chart.Series.Count);
        var barW = Math.Max(2, (slot - 12) / groups);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Rgb.Palette[s % Rgb.Palette.Length];
            for (var i = 0; i < chart.Series[s].Values.Count && i < chart.Labels.Count; i++)
            {
                if (chart.Series[s].Values[i] is not { } v) { continue; }
                var bx = x0 + (slot * i) + 6 + (barW * s);
                var top = y(v);
                canvas.FillRect(bx, top, barW - 2, y0 - top, color);
                var text = Format(v);
                canvas.DrawText(bx + ((barW - 2 - BitmapFont.Measure(text, 1)) / 2), top - 10, text, Rgb.Black);
            }
        }
    }

    private static void DrawLines(Canvas canvas, ChartData chart, int x0, int slot, Func<double, int> y)
    {
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var points = new List<(int X, int Y)>();
            for (var i = 0; i < chart.Series[s].Values.Count && i < chart.Labels.Count; i++)
            {
                if (chart.Series[s].Values[i] is { } v) { points.Add((x0 + (slot * i) + (slot / 2), y(v))); }
            }
            canvas.DrawPolyline(points, Rgb.Palette[s % Rgb.Palette.Length]);
        }
    }

    /// <summary>Zero to a nice ceiling of the values, five ticks.</summary>
    private static (Func<double, double> Fraction, IReadOnlyList<double> Ticks) LinearAxis(List<double> values)
    {
        var max = NiceCeiling(values.Count == 0 ? 1 : Math.Max(values.Max(), 1e-9));
        return (v => v / max, [.. Enumerable.Range(0, 5).Select(i => max * i / 4)]);
    }

    /// <summary>Powers of ten around the positive values (a tick each); values at or below the lowest tick sit on the axis.</summary>
    internal static (Func<double, double> Fraction, IReadOnlyList<double> Ticks) LogAxis(List<double> values)
    {
        var positive = values.Where(v => v > 0).ToList();
        var lo = positive.Count == 0 ? 0 : (int)Math.Floor(Math.Log10(positive.Min()));
        var hi = positive.Count == 0 ? 1 : Math.Max(lo + 1, (int)Math.Ceiling(Math.Log10(positive.Max())));
        return (v => v <= 0 ? 0 : (Math.Log10(v) - lo) / (hi - lo), [.. Enumerable.Range(lo, hi - lo + 1).Select(e => Math.Pow(10, e))]);
    }

    /// <summary>The smallest 1, 2, 2.5 or 5 times a power of ten that is at least <paramref name="v"/>.</summary>
    internal static double NiceCeiling(double v)
    {
        var p = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 }) { if (m * p >= v) { return m * p; } }
        return 10 * p;
    }

    /// <summary>Short number: 1.2M, 35K, 0.25.</summary>
    internal static string Format(double v)
    {
        var a = Math.Abs(v);
        if (a >= 1e9) { return (v / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G"; }
        if (a >= 1e6) { return (v / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M"; }
        if (a >= 1e4) { return (v / 1e3).ToString("0", CultureInfo.InvariantCulture) + "K"; }
        if (a >= 100) { return v.ToString("0", CultureInfo.InvariantCulture); }
        return v.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
