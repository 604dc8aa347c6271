namespace IotActors.Hocon;

/// <summary>Options for parsing and resolving a HOCON document.</summary>
public sealed record HoconParseOptions
{
    /// <summary>Default options: HOCON syntax, no environment fallback.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>The syntax of the text (files pick it from their extension instead).</summary>
    public HoconSyntax Syntax { get; init; } = HoconSyntax.Conf;

    /// <summary>Looks up an environment variable for substitutions not found in the document; null disables the fallback.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>The folder relative includes are found in when the text does not come from a file (default: current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>A name for the source used in error messages when parsing text.</summary>
    public string? SourceName { get; init; }

    /// <summary>Whether substitutions are resolved (true) or the parse stops after syntax checking (false).</summary>
    public bool Resolve { get; init; } = true;

    /// <summary>Options whose environment fallback reads the real process environment.</summary>
    public static HoconParseOptions WithProcessEnvironment { get; } = new() { Environment = System.Environment.GetEnvironmentVariable };
}
