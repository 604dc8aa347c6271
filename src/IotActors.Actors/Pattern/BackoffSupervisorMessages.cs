namespace IotActors.Actors;

/// <summary>Ask a <see cref="BackoffSupervisor"/> for its current child; the reply is <see cref="BackoffCurrentChild"/>.</summary>
public sealed record GetBackoffCurrentChild
{
    /// <summary>The single instance.</summary>
    public static GetBackoffCurrentChild Instance { get; } = new();
}
