namespace IotActors.Devices.Actors;

/// <summary>Deadlines and restart backoff of device actors (HOCON <c>iotactors.device-actors</c>).</summary>
public sealed record DeviceActorSettings
{
    /// <summary>The defaults: 10 s read timeout, backoff 1 s..30 s with random factor 0.2, reset after 30 s, at most 2 abandoned threads.</summary>
    public static DeviceActorSettings Default { get; } = new();

    /// <summary>How long one driver read or write may take before the device is reported hung and restarted.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before the first restart of a failed device.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the restart delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Random extra delay as a fraction of the computed delay (0..1).</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>How long a restarted device must run without failing before the delay starts again at <see cref="MinBackoff"/>.</summary>
    public TimeSpan ResetBackoffAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many threads stuck in a driver one device may leave behind; when this many are stuck it starts no new one until one returns (at least 1).</summary>
    public int MaxAbandonedThreads { get; init; } = 2;

    /// <summary>Seed of the backoff jitter (null: nondeterministic); tests set it.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Throws when a value is out of range; the message names the setting and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public DeviceActorSettings Validate()
    {
        if (ReadTimeout <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(ReadTimeout), ReadTimeout, "read-timeout must be positive, e.g. 10s."); }
        if (MinBackoff <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(MinBackoff), MinBackoff, "backoff.min must be positive, e.g. 1s."); }
        if (MaxBackoff < MinBackoff) { throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "backoff.max must be >= backoff.min."); }
        if (RandomFactor is < 0 or > 1 || double.IsNaN(RandomFactor)) { throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "backoff.random-factor must be between 0 and 1."); }
        if (ResetBackoffAfter <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(ResetBackoffAfter), ResetBackoffAfter, "backoff.reset-after must be positive, e.g. 30s."); }
        if (MaxAbandonedThreads < 1) { throw new ArgumentOutOfRangeException(nameof(MaxAbandonedThreads), MaxAbandonedThreads, "max-abandoned-threads must be 1 or more."); }
        return this;
    }
}
