namespace IotActors.Hocon;

/// <summary>A string value.</summary>
public sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    public HoconString(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.String;

    internal override string? ScalarText => Value;

    /// <inheritdoc />
    public override bool Equals(HoconValue? other) => other is HoconString s && s.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    internal override HoconValue At(SourcePosition position) => new HoconString(Value) { Position = position };
}
