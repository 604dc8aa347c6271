namespace IotActors.Hocon;

/// <summary>A typed read asked for a path the configuration does not have.</summary>
public class HoconMissingPathException : HoconException
{
    /// <summary>Creates the error with its reason and location.</summary>
    public HoconMissingPathException(string reason, string? file, int line, int column, Exception? inner = null)
        : base(reason, file, line, column, inner)
    {
    }

    internal HoconMissingPathException(string reason, SourcePosition at, Exception? inner = null)
        : base(reason, at.File, at.Line, at.Column, inner)
    {
    }
}
