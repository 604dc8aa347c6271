namespace IotActors.Actors;

/// <summary>Marker for messages the actor cell handles itself before the actor's behavior (PoisonPill, Kill, Identify, Terminated).</summary>
public interface IAutoReceivedMessage;
