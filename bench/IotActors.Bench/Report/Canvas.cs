namespace IotActors.Bench.Report;

/// <summary>A minimal RGB raster: clipped pixels, rectangles, lines and 5x7 text; saved as PNG.</summary>
internal sealed class Canvas
{
    private readonly byte[] _rgb;

    public Canvas(int width, int height, Rgb background)
    {
        if (width <= 0 || height <= 0) { throw new ArgumentOutOfRangeException(nameof(width), $"Canvas size must be positive, got {width}x{height}."); }
        Width = width;
        Height = height;
        _rgb = new byte[width * height * 3];
        FillRect(0, 0, width, height, background);
    }

    public int Width { get; }

    public int Height { get; }

    public Rgb GetPixel(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return new Rgb(_rgb[i], _rgb[i + 1], _rgb[i + 2]);
    }

    public void SetPixel(int x, int y, Rgb c)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) { return; }
        var i = ((y * Width) + x) * 3;
        _rgb[i] = c.R;
        _rgb[i + 1] = c.G;
        _rgb[i + 2] = c.B;
    }

    public void FillRect(int x, int y, int w, int h, Rgb c)
    {
        for (var yy = Math.Max(0, y); yy < Math.Min(Height, y + h); yy++)
        {
            for (var xx = Math.Max(0, x); xx < Math.Min(Width, x + w); xx++) { SetPixel(xx, yy, c); }
        }
    }

    /// <summary>Bresenham line; <paramref name="thickness"/> widens it by stamping squares.</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rgb c, int thickness = 1)
    {
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        var err = dx + dy;
        var half = (thickness - 1) / 2;
        while (true)
        {
            FillRect(x0 - half, y0 - half, thickness, thickness, c);
            if (x0 == x1 && y0 == y1) { break; }
            var e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /// <summary>Draws a polyline through the points in order.</summary>
    public void DrawPolyline(IReadOnlyList<(int X, int Y)> points, Rgb c, int thickness = 2)
    {
        for (var i = 1; i < points.Count; i++) { DrawLine(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, c, thickness); }
        foreach (var (x, y) in points) { FillRect(x - 2, y - 2, 5, 5, c); }
    }

    /// <summary>Draws text with its top-left corner at (x, y).</summary>
    public void DrawText(int x, int y, string text, Rgb c, int scale = 1)
    {
        foreach (var ch in text)
        {
            var glyph = BitmapFont.Glyph(ch);
            for (var row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (var col = 0; col < BitmapFont.GlyphWidth; col++)
                {
                    if ((glyph[row] & (0x10 >> col)) != 0) { FillRect(x + (col * scale), y + (row * scale), scale, scale, c); }
                }
            }
            x += BitmapFont.Advance * scale;
        }
    }

    public byte[] ToPng() => PngWriter.Encode(Width, Height, _rgb);
}
