namespace IotActors.Hocon.Parsing;

/// <summary>Where the text being parsed comes from: its file, include mount point and depth.</summary>
internal sealed record ParseContext(string? File, string BaseDirectory, string[] Prefix, int Depth, Includer Includer);
