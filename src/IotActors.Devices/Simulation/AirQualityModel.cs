using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>Indoor CO2 (400..2000 ppm, rising with daytime occupancy) and PM2.5 (2..150 µg/m³, cooking spikes).</summary>
internal sealed class AirQualityModel(int seed, TimeZoneInfo zone, string primary) : SimulationModel(seed, zone)
{
    public const double MinCo2 = 400;
    public const double MaxCo2 = 2000;
    public const double MinPm25 = 2;
    public const double MaxPm25 = 150;

    private double _co2Drift;
    private double _pm;

    public override string PrimaryMetric => primary;

    protected override IReadOnlyList<MetricValue> Next(double hour, double dtHours)
    {
        var occupancy = IsNight(hour) ? 0.6 : 0.3 + (0.7 * Math.Max(0, Daily(hour, 19)));
        _co2Drift = Walk(_co2Drift, dtHours, 0.3, 60);
        var co2 = Math.Clamp(450 + (600 * occupancy) + _co2Drift + (10 * Gaussian()), MinCo2, MaxCo2);

        _pm *= Math.Exp(-dtHours / 0.5);
        var cooking = hour is >= 7 and < 8 or >= 12 and < 13 or >= 18 and < 20;
        if (cooking && Poisson(1.0 * dtHours) > 0)
        {
            _pm += 20 + (40 * Rng.NextDouble());
        }

        var pm25 = Math.Clamp(8 + _pm + (1.0 * Gaussian()), MinPm25, MaxPm25);
        return
        [
            new MetricValue("co2", Math.Round(co2), "ppm"),
            new MetricValue("pm25", Math.Round(pm25, 1), "ug/m3"),
        ];
    }
}
