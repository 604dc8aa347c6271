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
}
