namespace IotActors.Actors;

/// <summary>Internal timer tick that decides whether the actor has been idle for its receive timeout.</summary>
internal sealed record ReceiveTimeoutCheck(int Generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
