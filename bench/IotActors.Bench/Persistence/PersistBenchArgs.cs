using System.Globalization;
using IotActors.Persistence.Sqlite;

namespace IotActors.Bench;

/// <summary>Parsed arguments of the persist bench.</summary>
internal sealed record PersistBenchArgs(string Store, int Actors, int Seconds, SqliteSynchronousMode Synchronous)
{
    public static bool TryParse(string[] args, out PersistBenchArgs options, out string error)
    {
        options = new PersistBenchArgs("sqlite", 100, 10, SqliteSynchronousMode.Full);
        error = string.Empty;
        var first = args.Length > 0 && args[0] == PersistCommand.CommandName ? 1 : 0;
        for (var i = first; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--store" when value is "sqlite" or "postgres":
                    options = options with { Store = value };
                    break;
                case "--actors" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    options = options with { Actors = n };
                    break;
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options = options with { Seconds = s };
                    break;
                case "--synchronous" when value is "full" or "normal":
                    options = options with { Synchronous = value == "full" ? SqliteSynchronousMode.Full : SqliteSynchronousMode.Normal };
                    break;
                default:
                    error = $"unknown or invalid argument '{args[i]}'{(value is null ? string.Empty : $" '{value}'")}";
                    return false;
            }

            i++;
        }

        return true;
    }
}
