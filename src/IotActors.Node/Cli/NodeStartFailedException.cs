namespace IotActors.Node.Cli;

/// <summary>A part of the node failed while the host was starting (a port in use, a device that cannot be opened); exit code 1.</summary>
internal sealed class NodeStartFailedException(string message, Exception inner) : Exception(message, inner);
