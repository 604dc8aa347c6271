using System.Globalization;

namespace IotActors.Devices.OneWire;

/// <summary>Pure decoding of the DS18B20 sysfs files (<c>temperature</c> and <c>w1_slave</c>).</summary>
public static class Ds18b20Decoder
{
    /// <summary>The value the DS18B20 reports after power-on before any conversion, in milli-°C.</summary>
    public const int PowerOnResetMilliC = 85000;

    /// <summary>Decodes the <c>temperature</c> file (milli-°C); returns null with <paramref name="error"/> on bad text or the 85 °C power-on value.</summary>
    public static double? DecodeTemperatureFile(string text, out string? error) =>
        DecodeMilli(text.Trim(), out error);

    /// <summary>Decodes the two-line <c>w1_slave</c> file; a "NO" CRC line, missing <c>t=</c> or 85 °C value is an error.</summary>
    public static double? DecodeW1Slave(string text, out string? error)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            error = $"w1_slave has {lines.Length} line(s), expected 2";
            return null;
        }

        if (lines[0].EndsWith("NO", StringComparison.Ordinal))
        {
            error = "CRC check failed (w1_slave says crc=.. NO): check wiring and the 4.7k pull-up";
            return null;
        }

        if (!lines[0].EndsWith("YES", StringComparison.Ordinal) || !lines[0].Contains("crc=", StringComparison.Ordinal))
        {
            error = $"first w1_slave line has no 'crc=.. YES': '{lines[0]}'";
            return null;
        }

        var t = lines[1].LastIndexOf("t=", StringComparison.Ordinal);
        if (t < 0)
        {
            error = $"second w1_slave line has no 't=': '{lines[1]}'";
            return null;
        }

        return DecodeMilli(lines[1][(t + 2)..], out error);
    }

    private static double? DecodeMilli(string text, out string? error)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milli))
        {
            error = $"not an integer milli-degree value: '{(text.Length > 32 ? text[..32] : text)}'";
            return null;
        }

        if (milli == PowerOnResetMilliC)
        {
            error = "85 °C power-on reset value (conversion did not run: check the power supply or parasite-power wiring)";
            return null;
        }

        if (milli is < -55000 or > 125000)
        {
            error = $"{milli / 1000.0} °C outside the DS18B20 range -55..125 °C";
            return null;
        }

        error = null;
        return milli / 1000.0;
    }
}
