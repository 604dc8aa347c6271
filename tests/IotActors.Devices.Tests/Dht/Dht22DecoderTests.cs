using IotActors.Devices.Dht;

namespace IotActors.Devices.Tests.Dht;

public sealed class Dht22DecoderTests
{
    [Fact]
    public void Datasheet_frame_decodes_to_65_2_percent_and_35_1_degrees()
    {
        var reading = Dht22Decoder.DecodeFrame([0x02, 0x8C, 0x01, 0x5F, 0xEE], out var error);
        error.Should().BeNull();
        reading!.Value.HumidityPercent.Should().BeApproximately(65.2, 1e-9);
        reading.Value.TemperatureC.Should().BeApproximately(35.1, 1e-9);
    }

    [Fact]
    public void Sign_bit_gives_negative_temperature()
    {
        var reading = Dht22Decoder.DecodeFrame([0x02, 0x8C, 0x80, 0x65, 0x73], out _);
        reading!.Value.TemperatureC.Should().BeApproximately(-10.1, 1e-9);
    }

    [Fact]
    public void Bad_checksum_or_length_is_an_error_not_a_value()
    {
        Dht22Decoder.DecodeFrame([0x02, 0x8C, 0x01, 0x5F, 0xEF], out var error).Should().BeNull();
        error.Should().Contain("checksum");
        Dht22Decoder.DecodeFrame([0x02, 0x8C], out error).Should().BeNull();
        error.Should().Contain("5 bytes");
    }

    [Fact]
    public void Iio_milli_units_decode_and_garbage_names_the_file()
    {
        var reading = Dht22Decoder.DecodeIio("22500\n", "55200\n", out var error);
        error.Should().BeNull();
        reading.Should().Be(new DhtReading(22.5, 55.2));
        Dht22Decoder.DecodeIio("-4100", "90000", out _)!.Value.TemperatureC.Should().Be(-4.1);
        Dht22Decoder.DecodeIio("22.5x", "55200", out error).Should().BeNull();
        error.Should().Contain("in_temp_input");
        Dht22Decoder.DecodeIio("22500", "", out error).Should().BeNull();
        error.Should().Contain("in_humidityrelative_input");
    }

    [Fact]
    public void Plausibility_filter_rejects_out_of_range_and_spikes_but_accepts_a_confirmed_jump()
    {
        var filter = new PlausibilityFilter(new PlausibilityLimits(MaxTemperatureStep: 5, ConfirmationsToRebase: 3));
        filter.Check(new DhtReading(22.0, 50)).Should().BeNull();
        filter.Check(new DhtReading(85.0, 50)).Should().Contain("outside");
        filter.Check(new DhtReading(22.0, 101)).Should().Contain("humidity");
        filter.Check(new DhtReading(40.0, 50)).Should().Contain("step");
        filter.Check(new DhtReading(22.5, 50)).Should().BeNull("the spike was a single outlier");
        filter.Check(new DhtReading(30.0, 50)).Should().Contain("step");
        filter.Check(new DhtReading(30.2, 50)).Should().Contain("step");
        filter.Check(new DhtReading(30.1, 50)).Should().BeNull("three consistent readings confirm a real change");
        filter.Check(new DhtReading(30.3, 50)).Should().BeNull();
    }
}
