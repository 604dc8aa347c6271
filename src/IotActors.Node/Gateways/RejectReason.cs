namespace IotActors.Node.Gateways;

/// <summary>Why a gateway refused a datagram or line; the wire name goes into <c>ERR</c> answers and metrics.</summary>
public enum RejectReason
{
    /// <summary>Not JSON, or not a JSON object.</summary>
    Malformed,
    /// <summary>A field has the wrong JSON type or an out-of-range value.</summary>
    WrongType,
    /// <summary>A required field (device, value) is missing.</summary>
    MissingField,
    /// <summary>Larger than the configured maximum.</summary>
    TooLarge,
    /// <summary>The source exceeded its rate limit.</summary>
    RateLimited,
    /// <summary>Unsigned, and unsigned input is not allowed.</summary>
    Unsigned,
    /// <summary>The signature does not match (tampered, wrong key, or no key configured).</summary>
    BadSignature,
    /// <summary>A nonce or counter seen before.</summary>
    Replayed,
    /// <summary>The timestamp is outside the accepted window.</summary>
    StaleTimestamp,
    /// <summary>The replay cache is full; try again later.</summary>
    ReplayCacheFull,
    /// <summary>The reading sink failed.</summary>
    SinkFailed,
}
