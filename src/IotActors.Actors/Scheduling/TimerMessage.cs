namespace IotActors.Actors;

/// <summary>Envelope of a timer message, validated against the current generation on receipt.</summary>
internal sealed record TimerMessage(object Key, int Generation, object Message) : IAutoReceivedMessage;
