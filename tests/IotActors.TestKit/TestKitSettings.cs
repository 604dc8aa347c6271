using System.Globalization;

namespace IotActors.TestKit;

/// <summary>Test timing defaults; IOTACTORS_TEST_TIMEFACTOR dilates every timeout on slow machines.</summary>
public static class TestKitSettings
{
    /// <summary>The time factor (default 1).</summary>
    public static double TimeFactor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("IOTACTORS_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1.0;

    /// <summary>The default expectation timeout (3 s, dilated).</summary>
    public static TimeSpan DefaultTimeout => Dilated(TimeSpan.FromSeconds(3));

    /// <summary>Multiplies a duration by the time factor.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
