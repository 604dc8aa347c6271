namespace IotActors.Remote;

/// <summary>A delivered envelope with its authenticated sender and the deserialized message.</summary>
public sealed record InboundEnvelope(NodeIdentity Sender, RemoteEnvelope Envelope, object Message);
