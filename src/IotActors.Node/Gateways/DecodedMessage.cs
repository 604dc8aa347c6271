namespace IotActors.Node.Gateways;

/// <summary>What a gateway made of one datagram or line: a hello, a reading, or a rejection with its reason.</summary>
internal sealed record DecodedMessage(string? DeviceId, PeerReading? Reading, RejectReason? Rejection, string Detail)
{
    public bool IsHello => Rejection is null && Reading is null;

    public static DecodedMessage Hello(string deviceId) => new(deviceId, null, null, "hello");

    public static DecodedMessage Of(PeerReading reading) => new(reading.DeviceId, reading, null, "reading");

    public static DecodedMessage Reject(RejectReason reason, string detail) => new(null, null, reason, detail);
}
