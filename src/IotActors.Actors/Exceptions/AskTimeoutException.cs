namespace IotActors.Actors;

/// <summary>Faults an Ask task when no reply arrived in time.</summary>
public class AskTimeoutException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public AskTimeoutException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public AskTimeoutException(string message, Exception? innerException) : base(message, innerException) { }
}
