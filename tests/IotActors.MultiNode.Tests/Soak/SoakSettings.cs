using System.Globalization;
using System.Security.Cryptography;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>How long the soak runs, its seed and its memory bounds (SOAK_MINUTES, SOAK_SEED, SOAK_RSS_LIMIT_MIB).</summary>
internal sealed record SoakSettings(TimeSpan Duration, int Seed, long RssLimitMiB, double RssGrowthFactor)
{
    /// <summary>The default soak length (CI): 3 minutes.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(3);

    /// <summary>Reads the environment; a missing SOAK_SEED draws a fresh one (printed so it can be replayed).</summary>
    public static SoakSettings FromEnvironment()
    {
        string? minutes = Environment.GetEnvironmentVariable("SOAK_MINUTES");
        string? seed = Environment.GetEnvironmentVariable("SOAK_SEED");
        string? limit = Environment.GetEnvironmentVariable("SOAK_RSS_LIMIT_MIB");
        var duration = string.IsNullOrWhiteSpace(minutes)
            ? DefaultDuration
            : TimeSpan.FromMinutes(double.Parse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture) is var m and > 0
                ? m
                : throw new ArgumentException($"SOAK_MINUTES must be a positive number of minutes, got '{minutes}'"));
        int value = string.IsNullOrWhiteSpace(seed)
            ? RandomNumberGenerator.GetInt32(1, int.MaxValue)
            : int.Parse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture);
        long rss = string.IsNullOrWhiteSpace(limit) ? 400 : long.Parse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return new SoakSettings(duration, value, rss, RssGrowthFactor: 2.0);
    }

    /// <summary>The line to print on failure so the run can be replayed.</summary>
    public string ReplayHint => $"replay with: SOAK_SEED={Seed} SOAK_MINUTES={Duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)} "
        + "dotnet test tests/IotActors.MultiNode.Tests --filter Category=Soak";
}
