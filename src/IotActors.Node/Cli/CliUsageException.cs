namespace IotActors.Node.Cli;

/// <summary>A mistake the user can fix (missing file, bad option); reported as one line with exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
