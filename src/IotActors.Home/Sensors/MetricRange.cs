namespace IotActors.Home.Sensors;

/// <summary>The plausible range of one metric, both ends inclusive.</summary>
public sealed record MetricRange(double Min, double Max)
{
    /// <summary>True when <paramref name="value"/> lies in [Min, Max].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;
}
