using System.CommandLine;
using IotActors.Hosting;
using IotActors.Node.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors node ...</c>: run a node.</summary>
internal static class NodeCommands
{
    public static readonly Option<string> ConfigFile = new("--config", "-c")
    {
        Description = "HOCON configuration file of the node (e.g. hocon/desktop.conf).",
        Required = true,
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override a configuration key: --set iotactors.node.name=pi-1 (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Name = new("--name") { Description = "Node name (iotactors.node.name)." };
    private static readonly Option<string?> DataDir = new("--data-dir") { Description = "Data directory (iotactors.node.data-dir)." };

    public static Command Build(TextWriter output)
    {
        var run = new Command("run", "Run a node until Ctrl+C or SIGTERM.") { ConfigFile, Name, DataDir, Set };
        run.SetAction((result, cancellation) => RunAsync(result, cancellation));
        return new Command("node", "Run and manage a node.") { run };
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellation)
    {
        var overrides = NodeConfiguration.ParseSets(result.GetValue(Set) ?? []);
        if (result.GetValue(Name) is { } name) overrides["iotactors.node.name"] = name;
        if (result.GetValue(DataDir) is { } dataDir) overrides["iotactors.node.data-dir"] = dataDir;
        IConfigurationRoot configuration = NodeConfiguration.Build(result.GetRequiredValue(ConfigFile), overrides);

        // Validate every setting before anything starts, so a bad value stops the node with one clear line.
        NodeOptions node = NodeOptions.From(configuration);
        ActorSettingsReader.From(configuration).Validate();
        Directory.CreateDirectory(node.DataDirectory);

        using IHost host = NodeHost.Build(configuration, node);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        CancellationToken stopping = lifetime.ApplicationStopping, started = lifetime.ApplicationStarted; // read before RunAsync disposes the host
        try
        {
            await host.RunAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // SIGTERM/Ctrl+C while the host was still starting (the host's own signal handling cancels its start): a normal, graceful stop.
            await Console.Out.WriteLineAsync("node stopped during start-up (SIGTERM or Ctrl+C)").ConfigureAwait(false);
        }
        catch (Exception e) when (!started.IsCancellationRequested && e is InvalidOperationException or IOException or System.Net.Sockets.SocketException)
        {
            // A part could not start (e.g. a port in use): the log has the details; the CLI prints one line and exits 1.
            throw new NodeStartFailedException(e.Message, e);
        }

        return 0;
    }
}
