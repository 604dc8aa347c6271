using System.Globalization;

namespace IotActors.Hocon;

/// <summary>A number; keeps its original text and compares by numeric value.</summary>
public sealed class HoconNumber : HoconValue
{
    /// <summary>Creates an integer number.</summary>
    public HoconNumber(long value)
    {
        Text = value.ToString(CultureInfo.InvariantCulture);
        IsIntegral = true;
        LongValue = value;
        DoubleValue = value;
    }

    /// <summary>Creates a floating-point number.</summary>
    public HoconNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "HOCON numbers must be finite.");
        }

        Text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!Text.Contains('.') && !Text.Contains('E'))
        {
            Text += ".0";
        }

        DoubleValue = value;
    }

    private HoconNumber(string text, bool integral, long l, double d)
    {
        Text = text;
        IsIntegral = integral;
        LongValue = l;
        DoubleValue = d;
    }

    /// <summary>The number as written in the source.</summary>
    public string Text { get; }

    /// <summary>Whether the number was written as an integer that fits 64 bits.</summary>
    public bool IsIntegral { get; }

    /// <summary>The value as a long (truncated when not integral).</summary>
    public long LongValue { get; }

    /// <summary>The value as a double.</summary>
    public double DoubleValue { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Number;

    internal override string? ScalarText => Text;

    /// <summary>Parses number text the way HOCON does; null when the text is not a number.</summary>
    internal static HoconNumber? TryParse(string text)
    {
        bool floating = text.AsSpan().IndexOfAny(".eE") >= 0;
        if (!floating)
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)
                ? new HoconNumber(text, true, l, l)
                : null;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double d)
            && !double.IsInfinity(d))
        {
            return new HoconNumber(text, false, (long)d, d);
        }

        return null;
    }

    /// <inheritdoc />
    public override bool Equals(HoconValue? other) => other is HoconNumber n
        && (IsIntegral && n.IsIntegral ? LongValue == n.LongValue : DoubleValue.Equals(n.DoubleValue));

    /// <inheritdoc />
    public override int GetHashCode() => DoubleValue.GetHashCode();

    internal override HoconValue At(SourcePosition position) => new HoconNumber(Text, IsIntegral, LongValue, DoubleValue) { Position = position };
}
