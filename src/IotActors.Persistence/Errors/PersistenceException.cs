namespace IotActors.Persistence;

/// <summary>Base type of all errors raised by the IotActors persistence stores.</summary>
public class PersistenceException : Exception
{
    /// <summary>Creates the exception with a message and an optional cause.</summary>
    public PersistenceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
