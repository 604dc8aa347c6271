namespace IotActors.Node.Export;

/// <summary>Exponential backoff between export attempts: min, 2*min, 4*min ... capped at max, each shortened by up to <c>jitter</c> at random.</summary>
/// <remarks>Not thread-safe; the exporter's loop owns it. Randomness comes from the injected (seedable) <see cref="Random"/>.</remarks>
internal sealed class ExportBackoff(TimeSpan min, TimeSpan max, double jitter, Random random)
{
    /// <summary>Failures in a row since the last success.</summary>
    public int Failures { get; private set; }

    /// <summary>Records a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        Failures++;
        double factor = Math.Pow(2, Math.Min(Failures - 1, 30));
        double ticks = Math.Min(max.Ticks, min.Ticks * factor);
        return TimeSpan.FromTicks((long)(ticks * (1 - jitter * random.NextDouble())));
    }

    /// <summary>Records a success: the next failure starts again at the minimum delay.</summary>
    public void Reset() => Failures = 0;
}
