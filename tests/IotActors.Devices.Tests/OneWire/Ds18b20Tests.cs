using IotActors.Devices.Abstractions;
using IotActors.Devices.OneWire;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.OneWire;

public sealed class Ds18b20Tests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void W1_slave_with_good_crc_decodes_milli_degrees()
    {
        Ds18b20Decoder.DecodeW1Slave("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n", out var error)
            .Should().Be(23.125);
        error.Should().BeNull();
        Ds18b20Decoder.DecodeW1Slave("5e ff : crc=aa YES\n5e ff t=-10125\n", out _).Should().Be(-10.125);
    }

    [Fact]
    public void Crc_failure_power_on_value_and_garbage_are_errors()
    {
        Ds18b20Decoder.DecodeW1Slave("72 01 : crc=57 NO\n72 01 t=23125\n", out var error).Should().BeNull();
        error.Should().Contain("CRC");
        Ds18b20Decoder.DecodeTemperatureFile("85000\n", out error).Should().BeNull();
        error.Should().Contain("power-on");
        Ds18b20Decoder.DecodeW1Slave("just one line", out error).Should().BeNull();
        error.Should().Contain("expected 2");
        Ds18b20Decoder.DecodeTemperatureFile("hot", out error).Should().BeNull();
        error.Should().Contain("integer");
    }

    [Fact]
    public void Driver_prefers_temperature_file_and_falls_back_to_w1_slave()
    {
        using var dir = new TempDir();
        dir.Write("28-0316a2799aff/temperature", "21062\n");
        dir.Write("28-0316a2799aff/w1_slave", "x : crc=00 YES\nx t=99999\n");
        dir.Write("28-000000000002/w1_slave", "x : crc=00 YES\nx t=19500\n");
        using var a = new Ds18b20Driver("a", "28-0316a2799aff", dir.Path, time: _time);
        a.Read().ValueOf("temperature").Should().Be(21.062);
        using var b = new Ds18b20Driver("b", "28-000000000002", dir.Path, time: _time);
        b.Read().ValueOf("temperature").Should().Be(19.5);
        using var first = new Ds18b20Driver("c", null, dir.Path, time: _time);
        first.Read().ValueOf("temperature").Should().Be(19.5, "28-000000000002 sorts first");
    }

    [Fact]
    public void Driver_reports_crc_failure_as_transient_and_missing_sensor_as_permanent()
    {
        using var dir = new TempDir();
        dir.Write("28-0316a2799aff/w1_slave", "x : crc=00 NO\nx t=21000\n");
        using var bad = new Ds18b20Driver("a", "28-0316a2799aff", dir.Path, time: _time);
        var result = bad.Read();
        result.Status.Should().Be(SensorReadStatus.Fault);
        result.Transient.Should().BeTrue();
        result.Reason.Should().Contain("CRC");
        bad.Health.TotalErrors.Should().Be(1);

        using var missing = new Ds18b20Driver("m", "28-ffffffffffff", dir.Path, time: _time);
        var gone = missing.Read();
        gone.Transient.Should().BeFalse();
        gone.Reason.Should().Contain("w1-gpio");
    }
}
