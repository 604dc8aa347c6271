namespace IotActors.Actors;

/// <summary>Published on the event stream when a message could not be delivered.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
