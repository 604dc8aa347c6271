using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>Household power: base load, evening peak, appliance events (kettle, oven) lasting minutes; 50..6000 W.</summary>
internal sealed class PowerModel(int seed, TimeZoneInfo zone) : SimulationModel(seed, zone)
{
    public const double Min = 50;
    public const double Max = 6000;

    private double _appliance;
    private double _applianceHoursLeft;

    public override string PrimaryMetric => "power";

    protected override IReadOnlyList<MetricValue> Next(double hour, double dtHours)
    {
        _applianceHoursLeft -= dtHours;
        if (_applianceHoursLeft <= 0)
        {
            _appliance = 0;
        }

        var rate = IsNight(hour) ? 0.1 : 1.5;
        if (Poisson(rate * dtHours) > 0)
        {
            _appliance = 800 + (2200 * Rng.NextDouble());
            _applianceHoursLeft = (3 + (30 * Rng.NextDouble())) / 60.0;
        }

        var evening = hour is >= 17 and < 23 ? 600 * Math.Max(0, Daily(hour, 20)) : 0;
        var watts = Math.Clamp(150 + evening + _appliance + (15 * Gaussian()), Min, Max);
        return [new MetricValue("power", Math.Round(watts, 1), "W")];
    }
}
