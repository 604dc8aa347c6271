using IotActors.Devices.Abstractions;
using IotActors.Devices.Dht;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.Dht;

public sealed class Dht22DriverTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualTimeProvider _time = new();

    public Dht22DriverTests()
    {
        _dir.Write("iio:device0/name", "mcp3008\n");
        _dir.Write("iio:device1/name", "dht11\n");
        SetValues("22500", "55200");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Finds_the_dht11_iio_device_and_reads_celsius_and_percent()
    {
        using var dht = Driver();
        var result = dht.Read();
        result.Status.Should().Be(SensorReadStatus.Ok);
        result.ValueOf("temperature").Should().Be(22.5);
        result.ValueOf("humidity").Should().Be(55.2);
        result.Values.Select(v => v.Unit).Should().Equal("C", "%RH");
        dht.Health.LastGood.Should().Be(_time.GetUtcNow());
    }

    [Fact]
    public void Never_reads_faster_than_every_two_seconds()
    {
        var reads = 0;
        using var dht = Driver(period: TimeSpan.FromSeconds(1), read: p => { if (p.EndsWith("_input", StringComparison.Ordinal)) { reads++; } return File.ReadAllText(p); });
        dht.MinPeriod.Should().Be(TimeSpan.FromSeconds(2));
        dht.Read().IsOk.Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(1.5));
        var early = dht.Read();
        early.Status.Should().Be(SensorReadStatus.NotReady);
        early.RetryAfter.Should().Be(TimeSpan.FromSeconds(0.5));
        reads.Should().Be(2, "one read touches the two files once");
        _time.Advance(TimeSpan.FromSeconds(0.5));
        dht.Read().IsOk.Should().BeTrue();
        reads.Should().Be(4);
    }

    [Fact]
    public void Eio_and_etimedout_are_transient_faults_counted_and_backed_off()
    {
        var failures = new Queue<string>(["Input/output error", "Connection timed out"]);
        using var dht = Driver(period: TimeSpan.FromSeconds(2), read: p =>
            p.EndsWith("in_temp_input", StringComparison.Ordinal) && failures.Count > 0 ? throw new IOException(failures.Dequeue()) : File.ReadAllText(p));

        var first = dht.Read();
        first.Status.Should().Be(SensorReadStatus.Fault);
        first.Transient.Should().BeTrue();
        first.Reason.Should().Contain("Input/output error");
        _time.Advance(TimeSpan.FromSeconds(2));
        dht.Read().Reason.Should().Contain("Connection timed out");
        dht.Health.ConsecutiveErrors.Should().Be(2);

        _time.Advance(TimeSpan.FromSeconds(2));
        dht.Read().Status.Should().Be(SensorReadStatus.NotReady, "after two failures the wait doubled to 4 s");
        _time.Advance(TimeSpan.FromSeconds(2));
        dht.Read().IsOk.Should().BeTrue();
        dht.Health.ConsecutiveErrors.Should().Be(0);
        dht.Health.TotalErrors.Should().Be(2);
    }

    [Fact]
    public void Spike_is_rejected_and_counted()
    {
        using var dht = Driver();
        dht.Read().IsOk.Should().BeTrue();
        SetValues("48000", "55000");
        _time.Advance(TimeSpan.FromSeconds(5));
        var spike = dht.Read();
        spike.Status.Should().Be(SensorReadStatus.Fault);
        spike.Reason.Should().Contain("implausible");
        dht.Rejected.Should().Be(1);
    }

    [Fact]
    public void Missing_device_is_a_permanent_fault_that_names_the_overlay()
    {
        using var empty = new TempDir();
        using var dht = new Dht22Driver("t1", new Dht22Options(IioRoot: empty.Path), _time);
        var result = dht.Read();
        result.Status.Should().Be(SensorReadStatus.Fault);
        result.Transient.Should().BeFalse();
        result.Reason.Should().Contain("dtoverlay=dht11");
    }

    private Dht22Driver Driver(TimeSpan? period = null, Func<string, string>? read = null) =>
        new("living-room-temp", new Dht22Options(IioRoot: _dir.Path, Period: period), _time, read ?? File.ReadAllText);

    private void SetValues(string milliC, string milliRh)
    {
        _dir.Write("iio:device1/in_temp_input", milliC + "\n");
        _dir.Write("iio:device1/in_humidityrelative_input", milliRh + "\n");
    }
}
