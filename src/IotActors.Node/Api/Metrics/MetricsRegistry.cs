using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IotActors.Node.Api.Metrics;

/// <summary>The node's metrics: counters and gauges with labels, plus collectors that read values from elsewhere just before each scrape; rendered in the Prometheus text format at <c>/metrics</c>.</summary>
/// <remarks>Thread-safe. Register once at start (names are unique); update from any thread.</remarks>
public sealed partial class MetricsRegistry
{
    private readonly SortedDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly List<Action> _collectors = [];
    private readonly Lock _gate = new();

    /// <summary>Registers a counter; by convention its name ends in <c>_total</c>.</summary>
    public MetricCounter Counter(string name, string help, params string[] labelNames) => Register(new MetricCounter(name, help, Check(name, labelNames)));

    /// <summary>Registers a gauge.</summary>
    public MetricGauge Gauge(string name, string help, params string[] labelNames) => Register(new MetricGauge(name, help, Check(name, labelNames)));

    /// <summary>Adds a callback run before every scrape, typically setting gauges from another component's counters.</summary>
    public void AddCollector(Action collect)
    {
        ArgumentNullException.ThrowIfNull(collect);
        lock (_gate) _collectors.Add(collect);
    }

    /// <summary>Runs the collectors and renders every metric in the Prometheus text exposition format 0.0.4.</summary>
    public string Render()
    {
        Action[] collectors;
        MetricFamily[] families;
        lock (_gate) collectors = [.. _collectors];
        foreach (Action collect in collectors) collect();
        lock (_gate) families = [.. _families.Values];

        var text = new StringBuilder();
        foreach (MetricFamily family in families)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(family.Help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.TypeName).Append('\n');
            foreach (MetricSample sample in family.Samples())
            {
                text.Append(family.Name);
                if (family.LabelNames.Count > 0)
                {
                    text.Append('{');
                    for (int i = 0; i < family.LabelNames.Count; i++)
                    {
                        if (i > 0) text.Append(',');
                        text.Append(family.LabelNames[i]).Append("=\"").Append(Escape(sample.LabelValues[i])).Append('"');
                    }
                    text.Append('}');
                }
                text.Append(' ').Append(Format(sample.Value)).Append('\n');
            }
        }
        return text.ToString();
    }

    private T Register<T>(T family) where T : MetricFamily
    {
        lock (_gate)
        {
            if (!_families.TryAdd(family.Name, family))
            {
                throw new ArgumentException($"a metric named '{family.Name}' is registered already; register each metric once at start and share it", nameof(family));
            }
        }
        return family;
    }

    private static string[] Check(string name, string[] labelNames)
    {
        if (!NamePattern().IsMatch(name)) throw new ArgumentException($"'{name}' is not a valid metric name (letters, digits, '_' and ':', not starting with a digit)", nameof(name));
        foreach (string label in labelNames)
        {
            if (!LabelPattern().IsMatch(label)) throw new ArgumentException($"'{label}' is not a valid label name for metric '{name}'", nameof(labelNames));
        }
        return labelNames;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelPattern();
}
