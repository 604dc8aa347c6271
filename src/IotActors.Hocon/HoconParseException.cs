namespace IotActors.Hocon;

/// <summary>The text is not valid HOCON (or JSON, or properties) syntax.</summary>
public class HoconParseException : HoconException
{
    /// <summary>Creates the error with its reason and location.</summary>
    public HoconParseException(string reason, string? file, int line, int column, Exception? inner = null)
        : base(reason, file, line, column, inner)
    {
    }

    internal HoconParseException(string reason, SourcePosition at, Exception? inner = null)
        : base(reason, at.File, at.Line, at.Column, inner)
    {
    }
}
