namespace IotActors.Actors;

/// <summary>Reply to <see cref="Identify"/>; <paramref name="Subject"/> is null when no actor exists.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
