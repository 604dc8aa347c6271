using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Simulation;

/// <summary>Industrial motor: speed around a 1500 rpm set point with occasional stops (0..3000 rpm) and vibration 0.2..20 mm/s RMS growing with slow bearing wear.</summary>
internal sealed class MachineModel(int seed, TimeZoneInfo zone, string primary) : SimulationModel(seed, zone)
{
    public const double MaxSpeed = 3000;
    public const double MinVibration = 0.2;
    public const double MaxVibration = 20;

    private double _speedDrift;
    private double _stoppedHoursLeft;
    private double _wear;

    public override string PrimaryMetric => primary;

    protected override IReadOnlyList<MetricValue> Next(double hour, double dtHours)
    {
        _stoppedHoursLeft -= dtHours;
        if (_stoppedHoursLeft <= 0 && Poisson(0.2 * dtHours) > 0)
        {
            _stoppedHoursLeft = 0.1 + (0.4 * Rng.NextDouble());
        }

        var running = _stoppedHoursLeft <= 0;
        _speedDrift = Walk(_speedDrift, dtHours, 1.0, 40);
        var speed = running ? Math.Clamp(1500 + _speedDrift + (5 * Gaussian()), 0, MaxSpeed) : 0;

        _wear = Math.Min(8, _wear + (0.01 * dtHours));
        var vibration = running ? 1.8 + _wear + (0.3 * Math.Abs(Gaussian())) : MinVibration;
        vibration = Math.Clamp(vibration, MinVibration, MaxVibration);
        return
        [
            new MetricValue("motor-speed", Math.Round(speed), "rpm"),
            new MetricValue("vibration", Math.Round(vibration, 2), "mm/s"),
        ];
    }
}
