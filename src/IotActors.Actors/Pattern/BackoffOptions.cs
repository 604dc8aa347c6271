namespace IotActors.Actors;

/// <summary>Options of a <see cref="BackoffSupervisor"/>: child props and name, backoff bounds, random factor and reset period.</summary>
public sealed record BackoffOptions
{
    private BackoffOptions(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, bool onFailure)
    {
        if (minBackoff <= TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "minBackoff must be positive."); }
        if (maxBackoff < minBackoff) { throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, "maxBackoff must be >= minBackoff."); }
        if (randomFactor is < 0 or > 1) { throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "randomFactor must be between 0 and 1."); }
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        RestartOnFailureOnly = onFailure;
        ResetBackoffAfter = minBackoff;
    }

    /// <summary>Restart the child with backoff whenever it stops (for any reason).</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(childProps, childName, minBackoff, maxBackoff, randomFactor, false);

    /// <summary>Restart the child with backoff when it fails; a voluntary stop also stops the supervisor.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(childProps, childName, minBackoff, maxBackoff, randomFactor, true);

    /// <summary>Props of the supervised child.</summary>
    public Props ChildProps { get; init; }

    /// <summary>Name of the supervised child.</summary>
    public string ChildName { get; init; }

    /// <summary>Delay before the first restart.</summary>
    public TimeSpan MinBackoff { get; init; }

    /// <summary>Upper bound of the delay.</summary>
    public TimeSpan MaxBackoff { get; init; }

    /// <summary>Random extra delay, as a fraction of the computed delay (0..1).</summary>
    public double RandomFactor { get; init; }

    /// <summary>True for <see cref="OnFailure"/> mode.</summary>
    public bool RestartOnFailureOnly { get; init; }

    /// <summary>How long a (re)started child must live before the restart count resets (default: <see cref="MinBackoff"/>).</summary>
    public TimeSpan ResetBackoffAfter { get; init; }

    /// <summary>Seed of the random jitter (null: nondeterministic).</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Returns a copy with another reset period.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoffAfter) => this with { ResetBackoffAfter = resetBackoffAfter };

    /// <summary>Returns a copy with a seeded jitter.</summary>
    public BackoffOptions WithRandomSeed(int seed) => this with { RandomSeed = seed };
}
