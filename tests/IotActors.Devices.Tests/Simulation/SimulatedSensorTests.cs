using IotActors.Devices.Abstractions;
using IotActors.Devices.Simulation;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.Simulation;

public sealed class SimulatedSensorTests
{
    public static TheoryData<string, string, double, double> Ranges => new()
    {
        { "temperature", "temperature", 5, 40 },
        { "humidity", "humidity", 15, 95 },
        { "co2", "co2", 400, 2000 },
        { "pm25", "pm25", 2, 150 },
        { "power", "power", 50, 6000 },
        { "heart-rate", "heart-rate", 50, 120 },
        { "spo2", "spo2", 90, 100 },
        { "body-temperature", "body-temperature", 35.5, 38.5 },
        { "vibration", "vibration", 0.2, 20 },
        { "motor-speed", "motor-speed", 0, 3000 },
        { "motion", "motion", 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Simulated_values_stay_within_realistic_ranges_over_three_days(string model, string metric, double min, double max)
    {
        foreach (var (time, reading) in Run(model, seed: 11, TimeSpan.FromMinutes(1), TimeSpan.FromDays(3)))
        {
            reading.Status.Should().Be(SensorReadStatus.Ok);
            reading.Timestamp.Should().Be(time);
            var value = reading.ValueOf(metric)!.Value;
            value.Should().BeInRange(min, max, $"{model} at {time:O}");
        }
    }

    [Fact]
    public void Temperature_shows_the_daily_cycle_afternoon_warmer_than_night()
    {
        var samples = Run("temperature", seed: 7, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1)).ToList();
        var afternoon = samples.Where(s => s.Time.Hour is >= 13 and < 17).Average(s => s.Reading.ValueOf("temperature")!.Value);
        var night = samples.Where(s => s.Time.Hour is >= 1 and < 5).Average(s => s.Reading.ValueOf("temperature")!.Value);
        afternoon.Should().BeGreaterThan(night + 2, "the daily cycle has a 3 °C amplitude peaking at 15:00");
    }

    [Fact]
    public void Humidity_is_anti_correlated_with_temperature()
    {
        var samples = Run("temperature", seed: 3, TimeSpan.FromMinutes(5), TimeSpan.FromDays(2)).Select(s => s.Reading).ToList();
        var t = samples.Select(r => r.ValueOf("temperature")!.Value).ToArray();
        var h = samples.Select(r => r.ValueOf("humidity")!.Value).ToArray();
        Correlation(t, h).Should().BeLessThan(-0.5);
    }

    [Fact]
    public void Motion_is_quiet_at_night()
    {
        var samples = Run("motion", seed: 5, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)).ToList();
        var night = samples.Where(s => s.Time.Hour is >= 0 and < 5).Sum(s => s.Reading.ValueOf("motion-events")!.Value);
        var day = samples.Where(s => s.Time.Hour is >= 10 and < 15).Sum(s => s.Reading.ValueOf("motion-events")!.Value);
        day.Should().BeGreaterThan(night * 5);
        day.Should().BeInRange(7 * 5 * 12 * 0.7, 7 * 5 * 12 * 1.3, "Poisson with 12 events an hour by day");
    }

    [Fact]
    public void Same_seed_gives_the_same_series_and_another_seed_does_not()
    {
        var a = Run("temperature", 42, TimeSpan.FromMinutes(10), TimeSpan.FromHours(6)).Select(s => s.Reading.ValueOf("temperature")).ToList();
        var b = Run("temperature", 42, TimeSpan.FromMinutes(10), TimeSpan.FromHours(6)).Select(s => s.Reading.ValueOf("temperature")).ToList();
        var c = Run("temperature", 43, TimeSpan.FromMinutes(10), TimeSpan.FromHours(6)).Select(s => s.Reading.ValueOf("temperature")).ToList();
        a.Should().Equal(b);
        a.Should().NotEqual(c);
    }

    [Fact]
    public void Set_target_forces_the_primary_metric_until_cleared()
    {
        var time = new ManualTimeProvider();
        using var sensor = SimulatedSensorDriver.Create("t2", "temperature", 7, TimeSpan.FromSeconds(5), time);
        sensor.Kind.Should().Be("simulated-temperature");
        sensor.SetTarget(25.5);
        sensor.Read().ValueOf("temperature").Should().Be(25.5);
        time.Advance(TimeSpan.FromSeconds(5));
        sensor.Read().ValueOf("temperature").Should().Be(25.5);
        sensor.ClearTarget();
        time.Advance(TimeSpan.FromSeconds(5));
        sensor.Read().ValueOf("temperature").Should().NotBe(25.5);
    }

    [Fact]
    public void Unknown_model_is_rejected_with_the_allowed_list()
    {
        var act = () => SimulatedSensorDriver.Create("x", "radiation", 1);
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("heart-rate"));
    }

    private static IEnumerable<(DateTimeOffset Time, SensorReadResult Reading)> Run(string model, int seed, TimeSpan step, TimeSpan span)
    {
        var time = new ManualTimeProvider();
        using var sensor = SimulatedSensorDriver.Create("s", model, seed, step, time);
        var end = time.GetUtcNow() + span;
        while (time.GetUtcNow() < end)
        {
            yield return (time.GetUtcNow(), sensor.Read());
            time.Advance(step);
        }
    }

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        var sx = Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)));
        var sy = Math.Sqrt(y.Sum(v => (v - my) * (v - my)));
        return cov / (sx * sy);
    }
}
