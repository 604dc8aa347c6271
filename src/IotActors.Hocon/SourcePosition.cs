namespace IotActors.Hocon;

/// <summary>A place in a HOCON source: file (or null for text), 1-based line and column.</summary>
internal readonly record struct SourcePosition(string? File, int Line, int Column)
{
    public override string ToString() => $"{File ?? "<text>"}:{Line}:{Column}";
}
