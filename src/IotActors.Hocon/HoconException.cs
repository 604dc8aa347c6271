namespace IotActors.Hocon;

/// <summary>Base of every HOCON error; names the file, line and column where it was found.</summary>
public abstract class HoconException : Exception
{
    private protected HoconException(string reason, string? file, int line, int column, Exception? inner = null)
        : base($"{file ?? "<text>"}:{line}:{column}: {reason}", inner)
    {
        Reason = reason;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The reason without the location prefix.</summary>
    public string Reason { get; }

    /// <summary>The file the error is in, or null when the text did not come from a file.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the error (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the error (0 when unknown).</summary>
    public int Column { get; }
}
