using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>Base of the simulated signal models: seeded randomness, elapsed-time bookkeeping and local hour of day.</summary>
/// <remarks>Values are a function of the simulated time and the seeded RNG state, so the same seed and the same read times give the same series.</remarks>
internal abstract class SimulationModel(int seed, TimeZoneInfo zone)
{
    private DateTimeOffset? _last;

    protected Random Rng { get; } = new(seed);

    /// <summary>The metric a forced target overrides.</summary>
    public abstract string PrimaryMetric { get; }

    /// <summary>Produces the values at <paramref name="now"/>.</summary>
    public IReadOnlyList<MetricValue> Sample(DateTimeOffset now)
    {
        var dtHours = _last is { } last && now > last ? (now - last).TotalHours : 0.0;
        _last = now;
        var hour = TimeZoneInfo.ConvertTime(now, zone).TimeOfDay.TotalHours;
        return Next(hour, Math.Min(dtHours, 24.0));
    }

    /// <summary>Advances the model by <paramref name="dtHours"/> and returns the values at local <paramref name="hour"/> (0..24).</summary>
    protected abstract IReadOnlyList<MetricValue> Next(double hour, double dtHours);

    /// <summary>A standard normal sample (Box-Muller).</summary>
    protected double Gaussian()
    {
        var u1 = 1.0 - Rng.NextDouble();
        var u2 = Rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A Poisson-distributed count with mean <paramref name="mean"/> (Knuth; fine for small means).</summary>
    protected int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-Math.Min(mean, 50));
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= Rng.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    /// <summary>One step of a mean-reverting random walk (Ornstein-Uhlenbeck) with reversion rate per hour and volatility per sqrt(hour).</summary>
    protected double Walk(double x, double dtHours, double reversionPerHour, double sigma) =>
        x - (reversionPerHour * x * dtHours) + (sigma * Math.Sqrt(dtHours) * Gaussian());

    /// <summary>A cosine daily cycle in -1..1 peaking at <paramref name="peakHour"/>.</summary>
    protected static double Daily(double hour, double peakHour) => Math.Cos(2 * Math.PI * (hour - peakHour) / 24.0);

    /// <summary>True between 23:00 and 06:00 local time.</summary>
    protected static bool IsNight(double hour) => hour >= 23 || hour < 6;
}
