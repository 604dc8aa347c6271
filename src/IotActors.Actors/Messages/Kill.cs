namespace IotActors.Actors;

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/> (stopped by the default decider).</summary>
public sealed record Kill : IAutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
