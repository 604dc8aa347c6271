namespace IotActors.Actors;

/// <summary>Thrown when an actor could not be created or restarted; the default decider stops it.</summary>
public class ActorInitializationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ActorInitializationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ActorInitializationException(string message, Exception? innerException) : base(message, innerException) { }
}
