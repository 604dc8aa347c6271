using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>PIR motion: Poisson events, about 12 an hour by day and 0.5 an hour at night.</summary>
internal sealed class MotionModel(int seed, TimeZoneInfo zone) : SimulationModel(seed, zone)
{
    public const double DayRatePerHour = 12;
    public const double NightRatePerHour = 0.5;

    public override string PrimaryMetric => "motion";

    protected override IReadOnlyList<MetricValue> Next(double hour, double dtHours)
    {
        var rate = IsNight(hour) ? NightRatePerHour : DayRatePerHour;
        var events = Poisson(rate * dtHours);
        return
        [
            new MetricValue("motion", events > 0 ? 1 : 0, "bool"),
            new MetricValue("motion-events", events, "count"),
        ];
    }
}
