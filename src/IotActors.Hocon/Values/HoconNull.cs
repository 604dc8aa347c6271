namespace IotActors.Hocon;

/// <summary>The null value.</summary>
public sealed class HoconNull : HoconValue
{
    /// <summary>The shared null value.</summary>
    public static HoconNull Instance { get; } = new();

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Null;

    internal override string? ScalarText => "null";

    /// <inheritdoc />
    public override bool Equals(HoconValue? other) => other is HoconNull;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    internal override HoconValue At(SourcePosition position) => new HoconNull { Position = position };
}
