namespace IotActors.Node.Gateways;

/// <summary>A token bucket per source address: <c>burst</c> tokens, refilled at <c>perSecond</c>, on an injected clock.</summary>
/// <remarks>Thread-safe. At most <c>maxSources</c> buckets are kept; when full, buckets that are full again are forgotten.</remarks>
internal sealed class SourceRateLimiter(TimeProvider time, double burst, double perSecond, int maxSources)
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryAcquire(string source)
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(source, out Bucket? bucket))
            {
                if (_buckets.Count >= maxSources) Prune(now);
                if (_buckets.Count >= maxSources) return false;
                bucket = new Bucket { Tokens = burst, Stamp = now };
                _buckets[source] = bucket;
            }
            Refill(bucket, now);
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    private void Refill(Bucket bucket, long now)
    {
        double seconds = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
        if (seconds > 0) bucket.Tokens = Math.Min(burst, bucket.Tokens + seconds * perSecond);
        bucket.Stamp = now;
    }

    private void Prune(long now)
    {
        foreach (var (key, bucket) in _buckets.ToArray())
        {
            Refill(bucket, now);
            if (bucket.Tokens >= burst) _buckets.Remove(key);
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long Stamp;
    }
}
