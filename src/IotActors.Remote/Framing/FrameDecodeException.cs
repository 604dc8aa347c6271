namespace IotActors.Remote.Framing;

/// <summary>Thrown when bytes received from a peer are not a valid frame; <see cref="Error"/> names the reason.</summary>
public sealed class FrameDecodeException(FrameError error, string message) : Exception(message)
{
    /// <summary>The specific reason the frame was rejected.</summary>
    public FrameError Error { get; } = error;
}
