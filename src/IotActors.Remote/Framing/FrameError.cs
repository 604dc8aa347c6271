namespace IotActors.Remote.Framing;

/// <summary>Why a byte stream was rejected by the frame decoder.</summary>
public enum FrameError
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The length prefix was zero, so there was no frame type.</summary>
    EmptyFrame,
    /// <summary>The length prefix exceeded the configured maximum frame size.</summary>
    Oversized,
    /// <summary>The frame type byte is not one the protocol defines.</summary>
    UnknownType,
    /// <summary>The connection ended in the middle of a frame.</summary>
    Truncated,
    /// <summary>The frame body did not have the layout its type requires.</summary>
    MalformedBody,
}
