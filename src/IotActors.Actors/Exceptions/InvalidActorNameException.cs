namespace IotActors.Actors;

/// <summary>Thrown when an actor name is invalid or not unique among its siblings.</summary>
public class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public InvalidActorNameException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public InvalidActorNameException(string message, Exception? innerException) : base(message, innerException) { }
}
