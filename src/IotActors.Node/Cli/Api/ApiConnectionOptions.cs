using System.CommandLine;

namespace IotActors.Node.Cli.Api;

/// <summary>The options every API command shares (<c>--api</c>, <c>--token</c>, <c>--token-file</c>, <c>--json</c>) and the client they describe.</summary>
internal static class ApiConnectionOptions
{
    public const string DefaultApi = "http://127.0.0.1:8080";
    public const string ApiVariable = "IOTACTORS_API";
    public const string TokenVariable = "IOTACTORS_TOKEN";

    public static readonly Option<string> Api = new("--api")
    {
        Description = $"The node's API base URL (default: ${ApiVariable} or {DefaultApi}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ApiVariable) is { Length: > 0 } fromEnv ? fromEnv : DefaultApi,
    };

    public static readonly Option<string?> Token = new("--token") { Description = $"API bearer token (default: ${TokenVariable}); create one with 'iotactors token new'." };

    public static readonly Option<string?> TokenFile = new("--token-file") { Description = "A file whose first line is the API bearer token." };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the API's JSON instead of a table." };

    /// <summary>Adds the connection options (and <c>--json</c> when asked) to <paramref name="command"/>.</summary>
    public static Command WithApiOptions(this Command command, bool json = true)
    {
        command.Options.Add(Api);
        command.Options.Add(Token);
        command.Options.Add(TokenFile);
        if (json) command.Options.Add(Json);
        return command;
    }

    /// <summary>A client for the API and token the options (or environment) name.</summary>
    public static NodeApiClient Connect(ParseResult result)
    {
        string api = result.GetRequiredValue(Api);
        if (!Uri.TryCreate(api, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"--api must be an http:// or https:// URL, not '{api}'");
        }

        return new NodeApiClient(uri, ResolveToken(result));
    }

    private static string ResolveToken(ParseResult result)
    {
        string? token = result.GetValue(Token);
        if (token is null && result.GetValue(TokenFile) is { } file)
        {
            if (!File.Exists(file)) throw new CliUsageException($"the token file '{file}' does not exist");
            token = File.ReadLines(file).FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(token)) throw new CliUsageException($"the token file '{file}' is empty");
        }

        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliUsageException($"no API token: pass --token or --token-file, or set {TokenVariable} (create one with 'iotactors token new --role viewer --data-dir D')");
        }

        return token.Trim();
    }
}
