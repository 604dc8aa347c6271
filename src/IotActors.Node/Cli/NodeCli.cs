using System.CommandLine;
using IotActors.Hocon;
using IotActors.Hosting;
using IotActors.Node.Cli.Api;

namespace IotActors.Node.Cli;

/// <summary>The <c>iotactors</c> command line: builds the command tree and maps user errors to exit code 2.</summary>
internal static class NodeCli
{
    public const int UsageError = 2;

    /// <summary>Shows stack traces of errors; off by default.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print full error details (stack traces).",
        Recursive = true,
    };

    public static RootCommand BuildRoot(TextWriter output)
    {
        var root = new RootCommand("IotActors: an actor-based distributed system for the Internet of Things.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(NodeCommands.Build(output));
        root.Subcommands.Add(ConfigCommands.Build(output));
        root.Subcommands.Add(SecretCommands.Build(output));
        root.Subcommands.Add(TokenCommands.Build(output));
        root.Subcommands.Add(ExportCommands.Build(output));
        root.Subcommands.Add(ScanCommand.Build(output));
        root.Subcommands.Add(BenchCommands.Build(output));
        root.Subcommands.Add(ApiClusterCommands.Build(output));
        foreach (Command command in ApiDeviceCommands.Build(output)) root.Subcommands.Add(command);
        root.Subcommands.Add(ApiRulesCommands.Build(output));
        root.Subcommands.Add(ApiTailCommand.Build(output));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = BuildRoot(output);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }
            await error.WriteLineAsync("run 'iotactors --help' for usage").ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false })
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            if (parsed.GetValue(Verbose))
            {
                await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }
            return UsageError;
        }
        catch (NodeStartFailedException ex)
        {
            await error.WriteLineAsync($"error: the node could not start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (NodeApiServerException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static bool IsUserError(Exception ex) =>
        ex is CliUsageException or HoconException or InvalidSettingException or FileNotFoundException or DirectoryNotFoundException
            or UnauthorizedAccessException
        || (ex is InvalidDataException);
}
