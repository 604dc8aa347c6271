namespace IotActors.Actors;

/// <summary>Raised when an actor does not handle the Terminated of an actor it watches.</summary>
public class DeathPactException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DeathPactException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public DeathPactException(string message, Exception? innerException) : base(message, innerException) { }
}
