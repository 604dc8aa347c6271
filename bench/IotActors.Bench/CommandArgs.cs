using System.Globalization;

namespace IotActors.Bench;

/// <summary>Minimal <c>--name value</c> option parsing for quick commands.</summary>
internal static class CommandArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) { return fallback; }
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v <= 0)
        {
            throw new ArgumentException($"Option {name} needs a positive integer.");
        }
        return v;
    }

    /// <summary>A comma-separated list of positive integers, e.g. <c>--nodes 1,3,5,10</c>.</summary>
    public static IReadOnlyList<int> IntList(string[] args, string name, IReadOnlyList<int> fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) { return fallback; }
        var parts = i + 1 < args.Length ? args[i + 1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        var values = new List<int>();
        foreach (var p in parts)
        {
            if (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v <= 0) { values.Clear(); break; }
            values.Add(v);
        }
        if (values.Count == 0) { throw new ArgumentException($"Option {name} needs a comma-separated list of positive integers, e.g. 1,3,5."); }
        return values;
    }
}
