namespace IotActors.Actors;

/// <summary>Thrown when an actor selection resolves to no actor.</summary>
public class ActorNotFoundException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ActorNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ActorNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}
