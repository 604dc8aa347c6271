namespace IotActors.Hocon.Parsing;

/// <summary>Finds and parses included files relative to the including file.</summary>
internal sealed class Includer
{
    private const int MaxDepth = 50;

    public UObject? Include(IncludeKind kind, string name, bool required, ParseContext context, string[] mountPrefix, SourcePosition at)
    {
        if (kind is IncludeKind.Classpath or IncludeKind.Url)
        {
            throw new HoconParseException($"include {kind.ToString().ToLowerInvariant()}(\"{name}\") is not supported: only files can be included", at);
        }

        if (context.Depth >= MaxDepth)
        {
            throw new HoconParseException($"includes nested more than {MaxDepth} deep (an include cycle?) at \"{name}\"", at);
        }

        string basePath = Path.IsPathRooted(name) ? name : Path.Combine(context.BaseDirectory, name);
        string ext = Path.GetExtension(name);
        string[] candidates = ext is ".conf" or ".json" or ".properties"
            ? [basePath]
            : [basePath + ".properties", basePath + ".json", basePath + ".conf"];
        UObject? result = null;
        foreach (var file in candidates)
        {
            if (!System.IO.File.Exists(file))
            {
                continue;
            }

            var child = context with { File = file, BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(file))!, Prefix = mountPrefix, Depth = context.Depth + 1 };
            var parsed = ParseFile(file, child);
            result ??= new UObject(at);
            result.AddAll(parsed);
        }

        if (result is null && required)
        {
            throw new HoconParseException($"required include \"{name}\" was not found (looked for {string.Join(", ", candidates)})", at);
        }

        return result;
    }

    public static UObject ParseFile(string file, ParseContext context)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw new HoconParseException($"cannot read file: {e.Message}", new SourcePosition(file, 0, 0), e);
        }

        return ParseText(text, SyntaxOf(file), context);
    }

    public static UObject ParseText(string text, HoconSyntax syntax, ParseContext context) => syntax switch
    {
        HoconSyntax.Properties => PropertiesReader.Read(text, context.File),
        _ => (UObject)Parser.Parse(text, syntax == HoconSyntax.Json, context, allowArrayRoot: false),
    };

    public static HoconSyntax SyntaxOf(string file) => Path.GetExtension(file) switch
    {
        ".json" => HoconSyntax.Json,
        ".properties" => HoconSyntax.Properties,
        _ => HoconSyntax.Conf,
    };
}
