using IotActors.Node.Gateways;

namespace IotActors.Node.Api.Ingest;

/// <summary>The HTTP ingest's token bucket per source address (the gateways' <see cref="SourceRateLimiter"/>), with the Retry-After to tell a refused client.</summary>
internal sealed class IngestRateLimit(TimeProvider time, ApiOptions options)
{
    private readonly SourceRateLimiter _limiter = new(time, options.IngestBurst, options.IngestRatePerSecond, options.IngestMaxSources);

    /// <summary>Whole seconds until the bucket holds a token again (at least 1).</summary>
    public int RetryAfterSeconds { get; } = (int)Math.Max(1, Math.Ceiling(1 / options.IngestRatePerSecond));

    public bool TryAcquire(string source) => _limiter.TryAcquire(source);
}
