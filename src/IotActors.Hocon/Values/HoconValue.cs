namespace IotActors.Hocon;

/// <summary>A resolved, immutable HOCON value.</summary>
public abstract class HoconValue : IEquatable<HoconValue>
{
    private protected HoconValue()
    {
    }

    /// <summary>The kind of this value.</summary>
    public abstract HoconValueType Type { get; }

    internal SourcePosition Position { get; init; }

    /// <summary>Whether <paramref name="other"/> is structurally equal (object key order ignored, numbers by value).</summary>
    public abstract bool Equals(HoconValue? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoconValue v && Equals(v);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>Renders the value as HOCON text that parses back to an equal value.</summary>
    public string Render() => HoconRenderer.Render(this);

    /// <inheritdoc />
    public override string ToString() => Render();

    /// <summary>The value as a string when it is a scalar (numbers keep their original text), otherwise null.</summary>
    internal virtual string? ScalarText => null;

    internal abstract HoconValue At(SourcePosition position);
}
