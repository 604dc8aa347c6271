namespace IotActors.Node.Cli.Api;

/// <summary>The node answered with a 5xx error; reported as one line with exit code 1.</summary>
internal sealed class NodeApiServerException(string message) : Exception(message);
