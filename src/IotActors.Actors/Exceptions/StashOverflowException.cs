namespace IotActors.Actors;

/// <summary>Thrown when stashing beyond the stash capacity.</summary>
public class StashOverflowException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public StashOverflowException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public StashOverflowException(string message, Exception? innerException) : base(message, innerException) { }
}
