namespace IotActors.Hocon;

/// <summary>A value has a type that cannot be used where it is (concatenation or typed read).</summary>
public class HoconWrongTypeException : HoconException
{
    /// <summary>Creates the error with its reason and location.</summary>
    public HoconWrongTypeException(string reason, string? file, int line, int column, Exception? inner = null)
        : base(reason, file, line, column, inner)
    {
    }

    internal HoconWrongTypeException(string reason, SourcePosition at, Exception? inner = null)
        : base(reason, at.File, at.Line, at.Column, inner)
    {
    }
}
