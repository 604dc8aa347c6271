using System.Globalization;
using System.Numerics;
using IotActors.Hocon.Parsing;

namespace IotActors.Hocon;

/// <summary>A resolved, immutable configuration with typed reads by dotted path (<c>a.b."c.d"</c>).</summary>
public sealed class HoconConfig
{
    /// <summary>Wraps a resolved object.</summary>
    public HoconConfig(HoconObject root) => Root = root ?? throw new ArgumentNullException(nameof(root));

    /// <summary>An empty configuration.</summary>
    public static HoconConfig Empty { get; } = new(HoconObject.Empty);

    /// <summary>The root object.</summary>
    public HoconObject Root { get; }

    /// <summary>Whether the path exists and is not null.</summary>
    public bool HasPath(string path) => Find(path) is { } v && v is not HoconNull;

    /// <summary>The value at the path, or null when it is missing.</summary>
    public HoconValue? GetValueOrNull(string path) => Find(path);

    /// <summary>The value at the path.</summary>
    /// <exception cref="HoconMissingPathException">The path does not exist.</exception>
    public HoconValue GetValue(string path) =>
        Find(path) ?? throw new HoconMissingPathException($"no setting at path '{path}'", Root.Position);

    /// <summary>The value as a string (numbers and booleans converted).</summary>
    public string GetString(string path) => AsString(GetValue(path), path);

    /// <summary>The value as a 32-bit integer (numeric strings accepted).</summary>
    public int GetInt(string path)
    {
        long l = GetLong(path);
        return l is >= int.MinValue and <= int.MaxValue ? (int)l : throw Wrong(GetValue(path), path, "an int (it is out of range)");
    }

    /// <summary>The value as a 64-bit integer (numeric strings accepted).</summary>
    public long GetLong(string path) => AsLong(GetValue(path), path);

    /// <summary>The value as a double (numeric strings accepted).</summary>
    public double GetDouble(string path)
    {
        var v = GetValue(path);
        if (v is HoconNumber n)
        {
            return n.DoubleValue;
        }

        if (v is HoconString s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return d;
        }

        throw Wrong(v, path, "a number");
    }

    /// <summary>The value as a boolean (true/false, yes/no, on/off).</summary>
    public bool GetBool(string path)
    {
        var v = GetValue(path);
        return v switch
        {
            HoconBoolean b => b.Value,
            HoconString { Value: "true" or "yes" or "on" } => true,
            HoconString { Value: "false" or "no" or "off" } => false,
            _ => throw Wrong(v, path, "a boolean (true/false, yes/no, on/off)"),
        };
    }

    /// <summary>The value as a duration; a bare number means milliseconds (<c>500ms</c>, <c>2s</c>, <c>1 minute</c>).</summary>
    public TimeSpan GetDuration(string path) => TimeSpan.FromTicks(GetDurationNanoseconds(path) / 100);

    /// <summary>The value as a duration in nanoseconds; a bare number means milliseconds.</summary>
    public long GetDurationNanoseconds(string path) => UnitParser.DurationNanos(GetValue(path), path);

    /// <summary>The value as a period of years, months and days; a bare number means days.</summary>
    public HoconPeriod GetPeriod(string path) => UnitParser.Period(GetValue(path), path);

    /// <summary>The value as a size in bytes; a bare number means bytes (<c>64KiB</c>, <c>1M</c>, <c>10MB</c>).</summary>
    public long GetSize(string path)
    {
        var big = GetSizeBig(path);
        return big >= long.MinValue && big <= long.MaxValue ? (long)big : throw Wrong(GetValue(path), path, "a size that fits 64 bits");
    }

    /// <summary>The value as a size in bytes, without a 64-bit limit.</summary>
    public BigInteger GetSizeBig(string path) => UnitParser.SizeBytes(GetValue(path), path);

    /// <summary>The object at the path as its own configuration.</summary>
    public HoconConfig GetConfig(string path) =>
        GetValue(path) is HoconObject o ? new HoconConfig(o) : throw Wrong(GetValue(path), path, "an object");

    /// <summary>The value as a list; an object whose keys are all integers is read as a list in key order.</summary>
    public IReadOnlyList<HoconValue> GetList(string path)
    {
        var v = GetValue(path);
        if (v is HoconArray a)
        {
            return a.Items;
        }

        if (v is HoconObject o && o.Keys.Count > 0 && o.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return o.Keys.Select(k => (Index: int.Parse(k, CultureInfo.InvariantCulture), Value: o.Fields[k]))
                .OrderBy(x => x.Index).Select(x => x.Value).ToList();
        }

        throw Wrong(v, path, "a list");
    }

    /// <summary>The value as a list of strings.</summary>
    public IReadOnlyList<string> GetStringList(string path) => GetList(path).Select((v, i) => AsString(v, $"{path}[{i}]")).ToList();

    /// <summary>The value as a list of 64-bit integers.</summary>
    public IReadOnlyList<long> GetLongList(string path) => GetList(path).Select((v, i) => AsLong(v, $"{path}[{i}]")).ToList();

    /// <summary>The value as a list of durations in nanoseconds.</summary>
    public IReadOnlyList<long> GetDurationNanosecondsList(string path) =>
        GetList(path).Select((v, i) => UnitParser.DurationNanos(v, $"{path}[{i}]")).ToList();

    /// <summary>The value as a list of sizes in bytes.</summary>
    public IReadOnlyList<BigInteger> GetSizeBigList(string path) =>
        GetList(path).Select((v, i) => UnitParser.SizeBytes(v, $"{path}[{i}]")).ToList();

    /// <summary>This configuration with <paramref name="fallback"/> underneath for missing keys (objects merge deeply).</summary>
    public HoconConfig WithFallback(HoconConfig fallback) => new(Root.WithFallback(fallback.Root));

    /// <summary>Renders the configuration as HOCON text.</summary>
    public override string ToString() => Root.Render();

    private HoconValue? Find(string path)
    {
        HoconValue current = Root;
        foreach (var key in PathBuilder.Parse(path))
        {
            if (current is not HoconObject o || o[key] is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static string AsString(HoconValue v, string path) => v switch
    {
        HoconString s => s.Value,
        HoconNumber or HoconBoolean => v.ScalarText!,
        _ => throw Wrong(v, path, "a string"),
    };

    private static long AsLong(HoconValue v, string path)
    {
        if (v is HoconNumber { IsIntegral: true } n)
        {
            return n.LongValue;
        }

        if (v is HoconString s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return l;
        }

        throw Wrong(v, path, "an integer");
    }

    private static HoconWrongTypeException Wrong(HoconValue v, string path, string expected) =>
        new($"'{path}' should be {expected}, but is {v.Render()}", v.Position);
}
