using IotActors.Devices.Abstractions;
using IotActors.Devices.Replay;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.Replay;

public sealed class DatasetReplayDriverTests
{
    private const string Csv = "timestamp,temperature\n2025-10-24T10:00:00,20\n2025-10-24T10:01:00,21\n2025-10-24T10:03:00,22\n";
    private readonly ManualTimeProvider _time = new();
    private readonly Dataset _data = DatasetLoader.Parse(Csv, json: false);

    [Fact]
    public void Recorded_pacing_is_divided_by_the_speed_factor()
    {
        using var replay = new DatasetReplayDriver("r", _data, new ReplayOptions(Speed: 60), _time);
        replay.MinPeriod.Should().Be(TimeSpan.FromSeconds(1));
        replay.Read().ValueOf("temperature").Should().Be(20);
        var wait = replay.Read();
        wait.Status.Should().Be(SensorReadStatus.NotReady);
        wait.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = replay.Read();
        second.ValueOf("temperature").Should().Be(21);
        second.Timestamp.Should().Be(new DateTimeOffset(2025, 10, 24, 10, 1, 0, TimeSpan.Zero));
        _time.Advance(TimeSpan.FromSeconds(1.5));
        replay.Read().Status.Should().Be(SensorReadStatus.NotReady);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        replay.Read().ValueOf("temperature").Should().Be(22);
        _time.Advance(TimeSpan.FromHours(1));
        replay.Read().Status.Should().Be(SensorReadStatus.EndOfData);
    }

    [Fact]
    public void Fixed_interval_with_loop_repeats_with_increasing_timestamps()
    {
        using var replay = new DatasetReplayDriver("r", _data, new ReplayOptions(Interval: TimeSpan.FromSeconds(5), Loop: true), _time);
        var values = new List<double>();
        var stamps = new List<DateTimeOffset>();
        for (var i = 0; i < 7; i++)
        {
            var r = replay.Read();
            r.IsOk.Should().BeTrue();
            values.Add(r.ValueOf("temperature")!.Value);
            stamps.Add(r.Timestamp);
            replay.Read().Status.Should().Be(SensorReadStatus.NotReady);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        values.Should().Equal(20, 21, 22, 20, 21, 22, 20);
        stamps.Should().BeInAscendingOrder();
        replay.Emitted.Should().Be(7);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var speed = () => new DatasetReplayDriver("r", _data, new ReplayOptions(Speed: 0), _time);
        speed.Should().Throw<ArgumentException>().WithMessage("*speed*");
        var noTs = DatasetLoader.Parse("temperature\n1\n2\n", json: false);
        var pacing = () => new DatasetReplayDriver("r", noTs, new ReplayOptions(), _time);
        pacing.Should().Throw<ArgumentException>().WithMessage("*interval*");
        using var ok = new DatasetReplayDriver("r", noTs, new ReplayOptions(Interval: TimeSpan.FromSeconds(1)), _time);
        ok.Read().Timestamp.Should().Be(_time.GetUtcNow());
    }
}
