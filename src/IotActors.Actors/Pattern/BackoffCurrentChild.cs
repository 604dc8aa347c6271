namespace IotActors.Actors;

/// <summary>Reply to <see cref="GetBackoffCurrentChild"/>: the running child, or null while waiting to restart.</summary>
public sealed record BackoffCurrentChild(IActorRef? Child, int RestartCount);
