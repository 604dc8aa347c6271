namespace IotActors.Bench.Report;

/// <summary>String-valued <c>--name value</c> options of the record and report commands.</summary>
internal static class OptionArgs
{
    public static string? Get(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) { return null; }
        if (i + 1 >= args.Length) { throw new ArgumentException($"Option {name} needs a value."); }
        return args[i + 1];
    }

    public static string Required(string[] args, string name) =>
        Get(args, name) ?? throw new ArgumentException($"Option {name} is required.");
}
