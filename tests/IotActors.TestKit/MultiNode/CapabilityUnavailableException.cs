namespace IotActors.TestKit.MultiNode;

/// <summary>Thrown when a test asks for a fault (partition, loss, latency) that this machine or harness mode cannot provide.</summary>
public sealed class CapabilityUnavailableException(string message) : Exception(message);
