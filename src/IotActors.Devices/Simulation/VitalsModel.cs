using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>Healthcare vitals: heart rate 50..120 bpm, SpO2 90..100 %, body temperature 35.5..38.5 °C with circadian rhythm.</summary>
internal sealed class VitalsModel(int seed, TimeZoneInfo zone, string primary) : SimulationModel(seed, zone)
{
    public const double MinHeartRate = 50;
    public const double MaxHeartRate = 120;
    public const double MinSpO2 = 90;
    public const double MaxSpO2 = 100;
    public const double MinBodyTemperature = 35.5;
    public const double MaxBodyTemperature = 38.5;

    private double _activity;
    private double _spo2Drift;
    private double _tempDrift;

    public override string PrimaryMetric => primary;

    protected override IReadOnlyList<MetricValue> Next(double hour, double dtHours)
    {
        _activity = Walk(_activity, dtHours, 2.0, IsNight(hour) ? 2 : 12);
        var rest = IsNight(hour) ? 58 : 70;
        var hr = Math.Clamp(rest + Math.Max(-8, _activity) + (2 * Gaussian()), MinHeartRate, MaxHeartRate);

        _spo2Drift = Walk(_spo2Drift, dtHours, 1.0, 1.0);
        var spo2 = Math.Clamp(97.5 + _spo2Drift + (0.4 * Gaussian()), MinSpO2, MaxSpO2);

        _tempDrift = Walk(_tempDrift, dtHours, 0.5, 0.15);
        var body = Math.Clamp(36.8 + (0.4 * Daily(hour, 18)) + _tempDrift + (0.05 * Gaussian()), MinBodyTemperature, MaxBodyTemperature);
        return
        [
            new MetricValue("heart-rate", Math.Round(hr), "bpm"),
            new MetricValue("spo2", Math.Round(spo2, 1), "%"),
            new MetricValue("body-temperature", Math.Round(body, 2), "C"),
        ];
    }
}
