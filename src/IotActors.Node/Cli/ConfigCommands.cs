using System.CommandLine;
using IotActors.Node.Configuration;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors config ...</c>: inspect configuration.</summary>
internal static class ConfigCommands
{
    public static Command Build(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print the configuration as JSON instead of key = value lines." };
        var show = new Command("show", "Print the merged effective configuration (file < IOTACTORS__* environment < --set), secrets redacted.")
        {
            NodeCommands.ConfigFile, NodeCommands.Set, json,
        };
        show.SetAction(result =>
        {
            var config = NodeConfiguration.Build(
                result.GetRequiredValue(NodeCommands.ConfigFile),
                NodeConfiguration.ParseSets(result.GetValue(NodeCommands.Set) ?? []));
            output.Write(result.GetValue(json) ? EffectiveConfigRenderer.AsJson(config) : EffectiveConfigRenderer.AsHoconLines(config));
            return 0;
        });

        return new Command("config", "Inspect a node's configuration.") { show };
    }
}
