using IotActors.Bench.Report;

namespace IotActors.Bench.Tests;

public sealed class PngWriterTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Crc32.Compute("123456789"u8).Should().Be(0xCBF43926u);
    }

    [Fact]
    public void Encoded_png_has_signature_valid_crcs_ihdr_size_and_idat_inflating_to_filtered_rows()
    {
        var rgb = new byte[7 * 3 * 3];
        for (var i = 0; i < rgb.Length; i++) { rgb[i] = (byte)(i * 5); }

        var (width, height, raw, chunks) = PngDecoder.Decode(PngWriter.Encode(7, 3, rgb));

        chunks.Should().Equal("IHDR", "IDAT", "IEND");
        (width, height).Should().Be((7, 3));
        raw.Length.Should().Be(3 * (1 + (7 * 3)));
        raw[0].Should().Be(0);
        raw.AsSpan(1, 21).ToArray().Should().Equal(rgb.AsSpan(0, 21).ToArray());
        raw.AsSpan(23, 21).ToArray().Should().Equal(rgb.AsSpan(21, 21).ToArray());
    }

    [Fact]
    public void Encode_rejects_a_pixel_buffer_of_the_wrong_size()
    {
        var act = () => PngWriter.Encode(2, 2, new byte[5]);
        act.Should().Throw<ArgumentException>().WithMessage("*12 RGB bytes*");
    }
}
