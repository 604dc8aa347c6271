namespace IotActors.Actors;

/// <summary>Sent to an actor that received no message within its receive timeout.</summary>
public sealed record ReceiveTimeout
{
    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
