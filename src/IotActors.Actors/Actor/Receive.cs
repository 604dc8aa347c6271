namespace IotActors.Actors;

/// <summary>A behavior: returns true when it handled the message.</summary>
public delegate bool Receive(object message);
