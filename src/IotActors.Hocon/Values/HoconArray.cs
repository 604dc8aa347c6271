namespace IotActors.Hocon;

/// <summary>An immutable ordered list of values.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly HoconValue[] _items;

    /// <summary>Creates an array of the given items.</summary>
    public HoconArray(IEnumerable<HoconValue> items) => _items = items.ToArray();

    /// <summary>An empty array.</summary>
    public static HoconArray Empty { get; } = new([]);

    /// <summary>The items in order.</summary>
    public IReadOnlyList<HoconValue> Items => _items;

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Array;

    /// <inheritdoc />
    public override bool Equals(HoconValue? other) => other is HoconArray a && a._items.SequenceEqual(_items);

    /// <inheritdoc />
    public override int GetHashCode() => _items.Length;

    internal override HoconValue At(SourcePosition position) => new HoconArray(_items) { Position = position };
}
