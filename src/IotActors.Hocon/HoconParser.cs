using IotActors.Hocon.Parsing;
using IotActors.Hocon.Resolving;

namespace IotActors.Hocon;

/// <summary>Parses and resolves HOCON (and JSON, and Java properties) documents.</summary>
public static class HoconParser
{
    /// <summary>Parses and resolves a document given as text.</summary>
    /// <exception cref="HoconException">The text is invalid or a substitution cannot be resolved.</exception>
    public static HoconConfig Parse(string text, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= HoconParseOptions.Default;
        var context = new ParseContext(options.SourceName, options.BaseDirectory ?? Directory.GetCurrentDirectory(), [], 0, new Includer());
        var tree = Includer.ParseText(text, options.Syntax, context);
        return new HoconConfig(Finish(tree, options));
    }

    /// <summary>Parses and resolves a file; the syntax comes from its extension (.conf, .json, .properties).</summary>
    /// <exception cref="HoconException">The file is missing, invalid, or a substitution cannot be resolved.</exception>
    public static HoconConfig ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= HoconParseOptions.Default;
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new HoconParseException("file not found", full, 0, 0);
        }

        var context = new ParseContext(full, Path.GetDirectoryName(full)!, [], 0, new Includer());
        var tree = Includer.ParseFile(full, context);
        return new HoconConfig(Finish(tree, options));
    }

    /// <summary>Parses a single value whose root may be an object or an array (used for syntax checks).</summary>
    internal static HoconValue? ParseValue(string text, HoconParseOptions options)
    {
        var context = new ParseContext(options.SourceName, options.BaseDirectory ?? Directory.GetCurrentDirectory(), [], 0, new Includer());
        var tree = Parser.Parse(text, options.Syntax == HoconSyntax.Json, context, allowArrayRoot: true);
        return options.Resolve ? Resolver.Resolve(tree, options.Environment) : null;
    }

    private static HoconObject Finish(UObject tree, HoconParseOptions options) =>
        options.Resolve ? (HoconObject)Resolver.Resolve(tree, options.Environment) : HoconObject.Empty;
}
