namespace IotActors.Node.Api.Metrics;

/// <summary>A value that only goes up (requests, readings, drops).</summary>
public sealed class MetricCounter : MetricFamily
{
    internal MetricCounter(string name, string help, IReadOnlyList<string> labelNames) : base(name, help, labelNames)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "counter";

    /// <summary>Adds one for these label values.</summary>
    public void Inc(params string[] labelValues) => CellFor(labelValues).Add(1);

    /// <summary>Sets the counter to a running total kept by another component (which only grows), read by a collector before a scrape.</summary>
    public void SetTotal(double total, params string[] labelValues) => CellFor(labelValues).Set(total);

    /// <summary>Adds <paramref name="amount"/> (not negative) for these label values.</summary>
    public void Add(double amount, params string[] labelValues)
    {
        if (!(amount >= 0)) throw new ArgumentOutOfRangeException(nameof(amount), amount, $"counter '{Name}' can only go up");
        CellFor(labelValues).Add(amount);
    }
}
