using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>Indoor temperature (daily cycle peaking mid-afternoon, slow random walk, noise, occasional heating events) and anti-correlated relative humidity.</summary>
internal sealed class ClimateModel(int seed, TimeZoneInfo zone, string primary, double baseTemperature = 21.0) : SimulationModel(seed, zone)
{
    public const double MinTemperature = 5;
    public const double MaxTemperature = 40;
    public const double MinHumidity = 15;
    public const double MaxHumidity = 95;

    private double _tempDrift;
    private double _humDrift;
    private double _heating;

    public override string PrimaryMetric => primary;

    protected override IReadOnlyList<MetricValue> Next(double hour, double dtHours)
    {
        _tempDrift = Walk(_tempDrift, dtHours, 0.1, 0.4);
        _humDrift = Walk(_humDrift, dtHours, 0.1, 2.0);

        // Heating events (sun through a window, oven, heater): about two a day, decaying with a one-hour time constant.
        _heating *= Math.Exp(-dtHours);
        if (Poisson(2.0 / 24.0 * dtHours) > 0)
        {
            _heating += 1.0 + Rng.NextDouble() * 2.0;
        }

        var temperature = baseTemperature + (3.0 * Daily(hour, 15)) + _tempDrift + _heating + (0.1 * Gaussian());
        temperature = Math.Clamp(temperature, MinTemperature, MaxTemperature);
        var humidity = 50 - (2.5 * (temperature - baseTemperature)) + _humDrift + (0.5 * Gaussian());
        humidity = Math.Clamp(humidity, MinHumidity, MaxHumidity);
        return
        [
            new MetricValue("temperature", Math.Round(temperature, 2), "C"),
            new MetricValue("humidity", Math.Round(humidity, 1), "%RH"),
        ];
    }
}
