namespace IotActors.Bench.Report;

/// <summary>An 8-bit RGB colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb White = new(255, 255, 255);
    public static readonly Rgb Black = new(0, 0, 0);
    public static readonly Rgb Grey = new(200, 200, 200);
    public static readonly Rgb DarkGrey = new(90, 90, 90);

    /// <summary>Distinguishable series colours, used in order.</summary>
    public static readonly Rgb[] Palette = [new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189), new(140, 86, 75)];
}
