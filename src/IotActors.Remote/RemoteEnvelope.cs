namespace IotActors.Remote;

/// <summary>A message on the wire: recipient and sender actor paths, the payload's manifest and bytes.</summary>
/// <remarks>System envelopes are acknowledged and redelivered; <see cref="SeqNr"/> is assigned by the transport.</remarks>
public sealed record RemoteEnvelope(
    string RecipientPath,
    string? SenderPath,
    string Manifest,
    ReadOnlyMemory<byte> Payload,
    bool IsSystem = false,
    long SeqNr = 0);
