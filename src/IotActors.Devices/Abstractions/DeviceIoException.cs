namespace IotActors.Devices.Abstractions;

/// <summary>A device could not be read or written; the message says what failed and what to check.</summary>
public class DeviceIoException : IOException
{
    /// <summary>Creates the exception.</summary>
    public DeviceIoException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
