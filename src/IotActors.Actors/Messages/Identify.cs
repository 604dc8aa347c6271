namespace IotActors.Actors;

/// <summary>Every actor answers with <see cref="ActorIdentity"/> carrying the same id.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
