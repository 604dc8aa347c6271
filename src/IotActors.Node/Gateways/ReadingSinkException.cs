namespace IotActors.Node.Gateways;

/// <summary>One of the node's reading sinks failed to take a reading; the inner exception says which and why.</summary>
public sealed class ReadingSinkException(string message, Exception inner) : Exception(message, inner);
