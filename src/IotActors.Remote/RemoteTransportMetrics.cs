namespace IotActors.Remote;

/// <summary>Counters of one transport; read them for /metrics and tests.</summary>
public sealed class RemoteTransportMetrics
{
    internal long envelopesSent;
    internal long envelopesDelivered;
    internal long unknownManifestDropped;
    internal long badPayloadDropped;
    internal long policyRejected;
    internal long userMessagesDroppedQueueFull;
    internal long duplicateSystemMessages;
    internal long handshakeFailures;
    internal long linkErrors;
    internal long bytesSent;
    internal long bytesReceived;

    /// <summary>Envelopes written to sockets.</summary>
    public long EnvelopesSent => Interlocked.Read(ref envelopesSent);
    /// <summary>Envelopes handed to the application.</summary>
    public long EnvelopesDelivered => Interlocked.Read(ref envelopesDelivered);
    /// <summary>Inbound envelopes dropped because their manifest is not registered.</summary>
    public long UnknownManifestDropped => Interlocked.Read(ref unknownManifestDropped);
    /// <summary>Inbound envelopes dropped because the payload did not deserialize.</summary>
    public long BadPayloadDropped => Interlocked.Read(ref badPayloadDropped);
    /// <summary>Inbound envelopes rejected by the <see cref="Serialization.MessagePolicy"/>.</summary>
    public long PolicyRejected => Interlocked.Read(ref policyRejected);
    /// <summary>Outbound user messages dropped because a peer's queue was full.</summary>
    public long UserMessagesDroppedQueueFull => Interlocked.Read(ref userMessagesDroppedQueueFull);
    /// <summary>Redelivered system messages that had already been delivered.</summary>
    public long DuplicateSystemMessages => Interlocked.Read(ref duplicateSystemMessages);
    /// <summary>Connections closed because TLS or authentication failed.</summary>
    public long HandshakeFailures => Interlocked.Read(ref handshakeFailures);
    /// <summary>Established links closed because of a protocol or I/O error.</summary>
    public long LinkErrors => Interlocked.Read(ref linkErrors);
    /// <summary>Frame bytes written to links after the handshake (before TLS framing).</summary>
    public long BytesSent => Interlocked.Read(ref bytesSent);
    /// <summary>Frame body bytes read from links after the handshake.</summary>
    public long BytesReceived => Interlocked.Read(ref bytesReceived);
}
