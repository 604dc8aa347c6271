using System.Globalization;
using System.Numerics;

namespace IotActors.Hocon;

/// <summary>Reads durations, periods and sizes from values such as <c>500ms</c>, <c>3 weeks</c>, <c>64KiB</c>.</summary>
internal static class UnitParser
{
    private static readonly (string[] Names, long Nanos)[] DurationUnits =
    [
        (["ns", "nano", "nanos", "nanosecond", "nanoseconds"], 1),
        (["us", "micro", "micros", "microsecond", "microseconds"], 1_000),
        (["", "ms", "milli", "millis", "millisecond", "milliseconds"], 1_000_000),
        (["s", "second", "seconds"], 1_000_000_000),
        (["m", "minute", "minutes"], 60_000_000_000),
        (["h", "hour", "hours"], 3_600_000_000_000),
        (["d", "day", "days"], 86_400_000_000_000),
    ];

    public static long DurationNanos(HoconValue value, string path)
    {
        var (number, unit) = Split(value, path, "duration");
        foreach (var (names, nanos) in DurationUnits)
        {
            if (names.Contains(unit))
            {
                if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
                {
                    return checked(whole * nanos);
                }

                return checked((long)(ParseDouble(number, value, path, "duration") * nanos));
            }
        }

        throw Bad(value, path, "duration", $"unknown time unit '{unit}' (use ns, us, ms, s, m, h or d)");
    }

    public static HoconPeriod Period(HoconValue value, string path)
    {
        var (number, unit) = Split(value, path, "period");
        if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
        {
            throw Bad(value, path, "period", "a period needs a whole number");
        }

        return unit switch
        {
            "" or "d" or "day" or "days" => new HoconPeriod(0, 0, n),
            "w" or "week" or "weeks" => new HoconPeriod(0, 0, checked(n * 7)),
            "m" or "mo" or "month" or "months" => new HoconPeriod(0, n, 0),
            "y" or "year" or "years" => new HoconPeriod(n, 0, 0),
            _ => throw Bad(value, path, "period", $"unknown period unit '{unit}' (use d, w, mo or y)"),
        };
    }

    public static BigInteger SizeBytes(HoconValue value, string path)
    {
        var (number, unit) = Split(value, path, "size");
        BigInteger? multiplier = SizeMultiplier(unit);
        if (multiplier is null)
        {
            throw Bad(value, path, "size", $"unknown size unit '{unit}' (use B, K/KiB, kB, M/MiB, MB, G/GiB, GB, ...)");
        }

        if (BigInteger.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole * multiplier.Value;
        }

        decimal d = (decimal)ParseDouble(number, value, path, "size");
        var scaled = new BigInteger(decimal.Truncate(d * 1_000_000m));
        return scaled * multiplier.Value / 1_000_000;
    }

    private static BigInteger? SizeMultiplier(string unit)
    {
        if (unit is "" or "b" or "B" or "byte" or "bytes")
        {
            return BigInteger.One;
        }

        string[] powers = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] letters = ["K", "M", "G", "T", "P", "E", "Z", "Y"];
        for (int i = 0; i < powers.Length; i++)
        {
            var si = BigInteger.Pow(1000, i + 1);
            var bin = BigInteger.Pow(1024, i + 1);
            string l = letters[i];
            string lower = i == 0 ? "k" : l;
            if (unit == lower + "B" || unit == powers[i] + "byte" || unit == powers[i] + "bytes")
            {
                return si;
            }

            if (unit == l || unit == l.ToLowerInvariant() || unit == l + "i" || unit == l + "iB"
                || unit == powers[i][..2] + "bibyte" || unit == powers[i][..2] + "bibytes")
            {
                return bin;
            }
        }

        return null;
    }

    private static (string Number, string Unit) Split(HoconValue value, string path, string what)
    {
        string text = (value.ScalarText ?? throw Bad(value, path, what, $"expected a {what}, found {value.Type.ToString().ToLowerInvariant()}")).Trim();
        int i = text.Length;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        string number = text[..i].Trim();
        if (number.StartsWith('+'))
        {
            number = number[1..];
        }

        if (number.Length == 0)
        {
            throw Bad(value, path, what, $"'{text}' has no number");
        }

        return (number, text[i..]);
    }

    private static double ParseDouble(string number, HoconValue value, string path, string what) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d
            : throw Bad(value, path, what, $"'{number}' is not a number");

    private static HoconWrongTypeException Bad(HoconValue value, string path, string what, string reason) =>
        new($"'{path}' is not a valid {what}: {reason}", value.Position);
}
