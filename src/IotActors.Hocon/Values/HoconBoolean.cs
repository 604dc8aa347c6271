namespace IotActors.Hocon;

/// <summary>A boolean value.</summary>
public sealed class HoconBoolean : HoconValue
{
    /// <summary>Creates a boolean value.</summary>
    public HoconBoolean(bool value) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Boolean;

    internal override string? ScalarText => Value ? "true" : "false";

    /// <inheritdoc />
    public override bool Equals(HoconValue? other) => other is HoconBoolean b && b.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    internal override HoconValue At(SourcePosition position) => new HoconBoolean(Value) { Position = position };
}
