namespace IotActors.Home.Rules;

/// <summary>How a rule combines the latest readings of its sensors.</summary>
public enum AggregateKind
{
    /// <summary>Arithmetic mean of the fresh sensors' latest values.</summary>
    Avg,

    /// <summary>Largest of the fresh sensors' latest values.</summary>
    Max,

    /// <summary>Smallest of the fresh sensors' latest values.</summary>
    Min,
}
