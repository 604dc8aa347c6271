namespace IotActors.Remote.Transport;

/// <summary>Exponential reconnect backoff with jitter (delay in [d/2, d]).</summary>
internal static class Backoff
{
    public static TimeSpan Next(int attempt, TimeSpan min, TimeSpan max, Random random)
    {
        double factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        double ms = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * factor);
        double jitter;
        lock (random) jitter = 0.5 + random.NextDouble() * 0.5;
        return TimeSpan.FromMilliseconds(ms * jitter);
    }
}
