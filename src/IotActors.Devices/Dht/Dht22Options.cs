namespace IotActors.Devices.Dht;

/// <summary>Settings of a DHT22 read through the kernel IIO dht11 driver.</summary>
/// <param name="IioRoot">Directory holding the IIO devices.</param>
/// <param name="IioDevice">A specific IIO device directory name (e.g. "iio:device0"); null to find the one named "dht11".</param>
/// <param name="Period">Shortest interval between reads; values below 2 s are raised to 2 s.</param>
/// <param name="MaxBackoff">Longest wait after repeated failures.</param>
/// <param name="Limits">Plausibility limits; null for the defaults.</param>
public sealed record Dht22Options(
    string IioRoot = "/sys/bus/iio/devices",
    string? IioDevice = null,
    TimeSpan? Period = null,
    TimeSpan? MaxBackoff = null,
    PlausibilityLimits? Limits = null)
{
    /// <summary>The sensor cannot be read more often than this.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(2);
}
