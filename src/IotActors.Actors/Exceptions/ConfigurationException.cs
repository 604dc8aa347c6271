namespace IotActors.Actors;

/// <summary>Thrown for invalid settings, dispatcher or mailbox ids.</summary>
public class ConfigurationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ConfigurationException(string message, Exception? innerException) : base(message, innerException) { }
}
