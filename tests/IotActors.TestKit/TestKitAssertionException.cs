namespace IotActors.TestKit;

/// <summary>Thrown when a TestKit expectation is not met.</summary>
public sealed class TestKitAssertionException(string message) : Exception(message);
