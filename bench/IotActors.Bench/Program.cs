using System.Reflection;

namespace IotActors.Bench;

/// <summary>Entry point: <c>bdn [BenchmarkDotNet args]</c> or a quick command discovered from <see cref="IBenchCommand"/> implementations.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var commands = DiscoverCommands();
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(commands);
            return args.Length == 0 ? 1 : 0;
        }
        if (!commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            PrintUsage(commands);
            return 2;
        }
        return await command.RunAsync(args[1..]);
    }

    private static SortedDictionary<string, IBenchCommand> DiscoverCommands()
    {
        var result = new SortedDictionary<string, IBenchCommand>(StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface || !typeof(IBenchCommand).IsAssignableFrom(type)) { continue; }
            if (type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is null) { continue; }
            var command = (IBenchCommand)Activator.CreateInstance(type, nonPublic: true)!;
            result[command.Name] = command;
        }
        return result;
    }

    private static void PrintUsage(SortedDictionary<string, IBenchCommand> commands)
    {
        Console.WriteLine("usage: IotActors.Bench <command> [args]");
        Console.WriteLine();
        foreach (var c in commands.Values) { Console.WriteLine($"  {c.Name,-12} {c.Usage}"); }
    }
}
