using System.Collections.Concurrent;

namespace IotActors.Node.Api.Metrics;

/// <summary>A counter or gauge with fixed label names; one value per combination of label values.</summary>
/// <remarks>Thread-safe and lock-free per update.</remarks>
public abstract class MetricFamily
{
    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    private protected MetricFamily(string name, string help, IReadOnlyList<string> labelNames)
    {
        Name = name;
        Help = help;
        LabelNames = labelNames;
    }

    /// <summary>The metric name, e.g. <c>iotactors_ingest_readings_total</c>.</summary>
    public string Name { get; }

    /// <summary>One line for humans.</summary>
    public string Help { get; }

    /// <summary>The label names, in the order values are given.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>The Prometheus type name.</summary>
    public abstract string TypeName { get; }

    /// <summary>The current value for these label values (0 when never set).</summary>
    public double Value(params string[] labelValues) => _cells.TryGetValue(Key(labelValues), out Cell? cell) ? cell.Read() : 0;

    internal IEnumerable<MetricSample> Samples() =>
        _cells.Select(kv => new MetricSample(kv.Value.Labels, kv.Value.Read())).OrderBy(s => string.Join('\u0001', s.LabelValues), StringComparer.Ordinal);

    private protected Cell CellFor(string[] labelValues)
    {
        if (labelValues.Length != LabelNames.Count)
        {
            throw new ArgumentException($"metric '{Name}' has labels ({string.Join(", ", LabelNames)}); got {labelValues.Length} value(s)", nameof(labelValues));
        }
        return _cells.GetOrAdd(Key(labelValues), _ => new Cell((string[])labelValues.Clone()));
    }

    private static string Key(string[] labelValues) => string.Join('\u0001', labelValues);

    private protected sealed class Cell(string[] labels)
    {
        private long _bits;

        public string[] Labels { get; } = labels;

        public double Read() => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));

        public void Set(double value) => Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));

        public void Add(double delta)
        {
            long seen = Interlocked.Read(ref _bits);
            while (true)
            {
                long next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + delta);
                long actual = Interlocked.CompareExchange(ref _bits, next, seen);
                if (actual == seen) return;
                seen = actual;
            }
        }
    }
}
