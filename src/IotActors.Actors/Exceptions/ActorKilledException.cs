namespace IotActors.Actors;

/// <summary>Raised inside an actor that received Kill; the default decider stops it.</summary>
public class ActorKilledException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ActorKilledException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ActorKilledException(string message, Exception? innerException) : base(message, innerException) { }
}
