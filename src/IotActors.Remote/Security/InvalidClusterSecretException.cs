namespace IotActors.Remote.Security;

/// <summary>The cluster secret is missing or malformed; the message says where it was read from, never its value.</summary>
public sealed class InvalidClusterSecretException(string message) : Exception(message);
