namespace IotActors.Node.Api.Metrics;

/// <summary>A value that goes up and down (subscribers, mailbox depth, members).</summary>
public sealed class MetricGauge : MetricFamily
{
    internal MetricGauge(string name, string help, IReadOnlyList<string> labelNames) : base(name, help, labelNames)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "gauge";

    /// <summary>Sets the value for these label values.</summary>
    public void Set(double value, params string[] labelValues) => CellFor(labelValues).Set(value);

    /// <summary>Adds <paramref name="delta"/> (may be negative) for these label values.</summary>
    public void Add(double delta, params string[] labelValues) => CellFor(labelValues).Add(delta);
}
