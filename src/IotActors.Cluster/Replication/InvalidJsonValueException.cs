namespace IotActors.Cluster.Replication;

/// <summary>Thrown when a value written to a replicated map is not valid JSON.</summary>
public sealed class InvalidJsonValueException : ArgumentException
{
    /// <summary>Creates the exception for the value of <paramref name="key"/>.</summary>
    public InvalidJsonValueException(string key, Exception inner)
        : base($"The value for key '{key}' is not valid JSON: {inner.Message}", inner) => Key = key;

    /// <summary>The key whose value was refused.</summary>
    public string Key { get; }
}
