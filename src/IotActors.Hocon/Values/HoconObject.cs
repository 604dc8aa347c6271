namespace IotActors.Hocon;

/// <summary>An immutable object of named fields (keys keep their first-definition order).</summary>
public sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _fields;
    private readonly string[] _keys;

    /// <summary>Creates an object; a later duplicate key replaces an earlier one.</summary>
    public HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> fields)
    {
        _fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var (k, v) in fields)
        {
            if (!_fields.ContainsKey(k))
            {
                keys.Add(k);
            }

            _fields[k] = v;
        }

        _keys = keys.ToArray();
    }

    /// <summary>An empty object.</summary>
    public static HoconObject Empty { get; } = new([]);

    /// <summary>The keys in order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The fields by key.</summary>
    public IReadOnlyDictionary<string, HoconValue> Fields => _fields;

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Object;

    /// <summary>The field named <paramref name="key"/>, or null.</summary>
    public HoconValue? this[string key] => _fields.GetValueOrDefault(key);

    /// <summary>This object with <paramref name="fallback"/> underneath: missing keys come from it, objects merge deeply.</summary>
    public HoconObject WithFallback(HoconObject fallback) => (HoconObject)Merger.MergeStack([this, fallback])!;

    /// <inheritdoc />
    public override bool Equals(HoconValue? other)
    {
        if (other is not HoconObject o || o._fields.Count != _fields.Count)
        {
            return false;
        }

        foreach (var (k, v) in _fields)
        {
            if (!o._fields.TryGetValue(k, out var ov) || !v.Equals(ov))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => _fields.Count;

    internal override HoconValue At(SourcePosition position) => new HoconObject(_keys.Select(k => new KeyValuePair<string, HoconValue>(k, _fields[k]))) { Position = position };
}
