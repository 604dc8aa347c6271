namespace IotActors.Hocon;

/// <summary>A substitution could not be resolved: undefined, or part of a cycle.</summary>
public class HoconResolveException : HoconException
{
    /// <summary>Creates the error with its reason and location.</summary>
    public HoconResolveException(string reason, string? file, int line, int column, Exception? inner = null)
        : base(reason, file, line, column, inner)
    {
    }

    internal HoconResolveException(string reason, SourcePosition at, Exception? inner = null)
        : base(reason, at.File, at.Line, at.Column, inner)
    {
    }
}
