namespace IotActors.Hocon;

/// <summary>A path expression (a key or the inside of <c>${...}</c>) is malformed.</summary>
public sealed class HoconBadPathException : HoconParseException
{
    /// <summary>Creates the error with its reason and location.</summary>
    public HoconBadPathException(string reason, string? file, int line, int column)
        : base(reason, file, line, column)
    {
    }

    internal HoconBadPathException(string reason, SourcePosition at)
        : base(reason, at)
    {
    }
}
