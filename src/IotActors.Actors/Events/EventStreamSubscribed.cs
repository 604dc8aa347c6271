namespace IotActors.Actors;

/// <summary>Tells a cell to unsubscribe itself from the event stream when it stops.</summary>
internal sealed record EventStreamSubscribed : SystemMessage;
