namespace IotActors.Node.Gateways;

/// <summary>Wire names of <see cref="RejectReason"/> values (used after <c>ERR</c> and in metric names).</summary>
internal static class RejectReasons
{
    public static string WireName(RejectReason reason) => reason switch
    {
        RejectReason.Malformed => "malformed",
        RejectReason.WrongType => "wrong-type",
        RejectReason.MissingField => "missing-field",
        RejectReason.TooLarge => "too-large",
        RejectReason.RateLimited => "rate-limited",
        RejectReason.Unsigned => "unsigned",
        RejectReason.BadSignature => "bad-signature",
        RejectReason.Replayed => "replayed",
        RejectReason.StaleTimestamp => "stale-timestamp",
        RejectReason.ReplayCacheFull => "replay-cache-full",
        RejectReason.SinkFailed => "sink-failed",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
