namespace IotActors.Remote.Framing;

/// <summary>The kind of a frame; the first byte after the length prefix.</summary>
internal enum FrameType : byte
{
    Hello = 1,
    Auth = 2,
    Envelope = 3,
    Ack = 4,
    Heartbeat = 5,
    Welcome = 6,
}
