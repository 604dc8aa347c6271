using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>The path every datagram or line takes: rate limit, decode, register the peer, hand readings to the sink; counts and logs rejections.</summary>
internal sealed class GatewayPipeline(
    GatewayMetrics metrics,
    SourceRateLimiter limiter,
    PeerMessageDecoder decoder,
    RemotePeerRegistry registry,
    IReadingSink sink,
    RejectLogThrottle logThrottle,
    ILogger logger)
{
    public GatewayMetrics Metrics => metrics;

    /// <summary>Processes one message; <paramref name="rateKey"/> identifies the sender for rate limiting (its IP address).</summary>
    public async ValueTask<DecodedMessage> ProcessAsync(ReadOnlyMemory<byte> data, string rateKey, string source)
    {
        metrics.CountReceived();
        if (!limiter.TryAcquire(rateKey)) return Reject(RejectReason.RateLimited, source, "rate limit exceeded");

        DecodedMessage message = decoder.Decode(data, source);
        if (message.Rejection is { } reason) return Reject(reason, source, message.Detail);

        if (registry.Find(message.DeviceId!) is null) GatewayLog.PeerDiscovered(logger, message.DeviceId!, source);
        registry.Touch(message.DeviceId!, source, message.IsHello);
        if (message.IsHello)
        {
            metrics.CountHello();
            return message;
        }

        try
        {
            await sink.AcceptAsync(message.Reading!).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GatewayLog.SinkFailed(logger, source, ex);
            metrics.CountRejected(RejectReason.SinkFailed);
            return DecodedMessage.Reject(RejectReason.SinkFailed, "the node could not store the reading");
        }
        metrics.CountReading();
        return message;
    }

    /// <summary>Counts a rejection and logs it at most once per source per interval.</summary>
    public DecodedMessage Reject(RejectReason reason, string source, string detail)
    {
        metrics.CountRejected(reason);
        if (logThrottle.ShouldLog(source, out long suppressed))
        {
            GatewayLog.Rejected(logger, metrics.Name, source, RejectReasons.WireName(reason), detail, suppressed);
        }
        return DecodedMessage.Reject(reason, detail);
    }
}
