namespace IotActors.Actors;

/// <summary>Thrown when an actor API is used in a state that does not allow it.</summary>
public class IllegalActorStateException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public IllegalActorStateException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public IllegalActorStateException(string message, Exception? innerException) : base(message, innerException) { }
}
