namespace IotActors.Home.Sensors;

/// <summary>Whether a sample was accepted, and if not, why.</summary>
/// <param name="Accepted">True when the sample may be published.</param>
/// <param name="Reason">Why it was rejected; empty when accepted.</param>
public sealed record SampleVerdict(bool Accepted, string Reason)
{
    /// <summary>The accepted verdict.</summary>
    public static SampleVerdict Ok { get; } = new(true, "");

    /// <summary>A rejection with a reason.</summary>
    public static SampleVerdict Reject(string reason) => new(false, reason);
}
