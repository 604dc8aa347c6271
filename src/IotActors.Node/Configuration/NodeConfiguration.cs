using System.Collections;
using IotActors.Hocon;
using IotActors.Node.Cli;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Configuration;

/// <summary>Builds a node's effective configuration: HOCON file, then IOTACTORS__* environment variables, then command-line values.</summary>
internal static class NodeConfiguration
{
    /// <summary>Environment variables that override configuration start with this prefix (IOTACTORS__NODE__NAME is iotactors.node.name).</summary>
    public const string EnvironmentPrefix = "IOTACTORS__";

    public static IConfigurationRoot Build(string configFile, IReadOnlyDictionary<string, string?> commandLine, IDictionary? environment = null)
    {
        if (!File.Exists(configFile))
        {
            throw new CliUsageException($"config file not found: {Path.GetFullPath(configFile)}");
        }

        return new ConfigurationBuilder()
            .AddHoconFile(configFile, optional: false, HoconParseOptions.WithProcessEnvironment)
            .AddInMemoryCollection(FromEnvironment(environment ?? Environment.GetEnvironmentVariables()))
            .AddInMemoryCollection(commandLine.ToDictionary(kv => kv.Key.Replace('.', ':'), kv => kv.Value))
            .Build();
    }

    /// <summary>Parses <c>key=value</c> pairs given with <c>--set</c> (HOCON dotted keys).</summary>
    public static Dictionary<string, string?> ParseSets(IEnumerable<string> sets)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string set in sets)
        {
            int eq = set.IndexOf('=');
            if (eq <= 0)
            {
                throw new CliUsageException($"--set expects key=value (e.g. iotactors.node.name=pi-1), got '{set}'");
            }
            result[set[..eq].Trim()] = set[(eq + 1)..].Trim();
        }
        return result;
    }

    private static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                string key = "iotactors:" + name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal).ToLowerInvariant();
                yield return new(key, entry.Value as string);
            }
        }
    }
}
