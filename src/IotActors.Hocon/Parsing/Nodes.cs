namespace IotActors.Hocon.Parsing;

/// <summary>An unresolved value as parsed: it may still contain substitutions and concatenations.</summary>
internal abstract class UNode
{
    private static int s_nextId;

    protected UNode(SourcePosition at)
    {
        At = at;
        Id = Interlocked.Increment(ref s_nextId);
    }

    public int Id { get; }

    public SourcePosition At { get; }
}

/// <summary>A literal scalar; <see cref="IsWhitespace"/> marks unquoted whitespace inside a concatenation.</summary>
internal sealed class UScalar(HoconValue value, SourcePosition at, bool isWhitespace = false) : UNode(at)
{
    public HoconValue Value { get; } = value;

    public bool IsWhitespace { get; } = isWhitespace;
}

internal sealed class UArray(List<UNode> items, SourcePosition at) : UNode(at)
{
    public List<UNode> Items { get; } = items;
}

/// <summary>A literal object; each key has a stack of definitions, earliest first.</summary>
internal sealed class UObject(SourcePosition at) : UNode(at)
{
    public Dictionary<string, List<UNode>> Fields { get; } = new(StringComparer.Ordinal);

    public List<string> Keys { get; } = [];

    public void Add(string key, UNode value)
    {
        if (!Fields.TryGetValue(key, out var stack))
        {
            stack = [];
            Fields[key] = stack;
            Keys.Add(key);
        }

        stack.Add(value);
    }

    public void AddAll(UObject other)
    {
        foreach (var k in other.Keys)
        {
            foreach (var v in other.Fields[k])
            {
                Add(k, v);
            }
        }
    }
}

/// <summary>A substitution; <see cref="Prefix"/> is the include point its file was mounted at (tried first).</summary>
internal sealed class USubstitution(string[] path, bool optional, string[] prefix, SourcePosition at, string text) : UNode(at)
{
    public string[] Path { get; } = path;

    public bool Optional { get; } = optional;

    public string[] Prefix { get; } = prefix;

    public string Text { get; } = text;
}

internal sealed class UConcat(List<UNode> parts, SourcePosition at) : UNode(at)
{
    public List<UNode> Parts { get; } = parts;
}
