using System.Globalization;

namespace IotActors.Devices.Dht;

/// <summary>Pure decoding of DHT22 / AM2302 data: the kernel IIO milli-unit files and the raw 40-bit frame.</summary>
public static class Dht22Decoder
{
    /// <summary>Decodes the IIO files' text (<c>in_temp_input</c> in milli-°C, <c>in_humidityrelative_input</c> in milli-%RH).</summary>
    /// <returns>The reading, or null with <paramref name="error"/> naming what was wrong.</returns>
    public static DhtReading? DecodeIio(string temperatureText, string humidityText, out string? error)
    {
        if (!TryParseMilli(temperatureText, out var milliC))
        {
            error = $"in_temp_input is not an integer milli-degree value: '{Clip(temperatureText)}'";
            return null;
        }

        if (!TryParseMilli(humidityText, out var milliRh))
        {
            error = $"in_humidityrelative_input is not an integer milli-percent value: '{Clip(humidityText)}'";
            return null;
        }

        error = null;
        return new DhtReading(milliC / 1000.0, milliRh / 1000.0);
    }

    /// <summary>Decodes a raw 5-byte frame (humidity hi/lo, temperature hi/lo with sign bit, checksum) as in the AM2302 datasheet.</summary>
    /// <returns>The reading, or null with <paramref name="error"/> when the length or checksum is wrong.</returns>
    public static DhtReading? DecodeFrame(ReadOnlySpan<byte> frame, out string? error)
    {
        if (frame.Length != 5)
        {
            error = $"a DHT22 frame has 5 bytes, got {frame.Length}";
            return null;
        }

        var sum = (byte)(frame[0] + frame[1] + frame[2] + frame[3]);
        if (sum != frame[4])
        {
            error = $"checksum mismatch: computed 0x{sum:X2}, frame says 0x{frame[4]:X2}";
            return null;
        }

        var humidity = ((frame[0] << 8) | frame[1]) / 10.0;
        var rawTemp = ((frame[2] & 0x7F) << 8) | frame[3];
        var temperature = ((frame[2] & 0x80) != 0 ? -rawTemp : rawTemp) / 10.0;
        error = null;
        return new DhtReading(temperature, humidity);
    }

    private static bool TryParseMilli(string text, out long value) =>
        long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static string Clip(string text) => text.Length <= 32 ? text.Trim() : text[..32] + "...";
}
