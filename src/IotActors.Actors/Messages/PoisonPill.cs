namespace IotActors.Actors;

/// <summary>Stops the receiving actor after the messages queued before it have been processed.</summary>
public sealed record PoisonPill : IAutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
