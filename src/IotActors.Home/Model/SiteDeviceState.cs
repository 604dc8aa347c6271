namespace IotActors.Home.Model;

/// <summary>One device's entry in the replicated site state (last-writer-wins by <see cref="Version"/>).</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="Kind">What the device is.</param>
/// <param name="LastReading">The newest reading of the sensor's primary metric (the first one it reported).</param>
/// <param name="Active">The idle/active state, for actuators.</param>
/// <param name="Health">Online, stale or offline.</param>
/// <param name="OwnerNode">Address of the node that owns the device.</param>
/// <param name="Version">Increases with every change made by the owner.</param>
/// <param name="UpdatedAt">When the owner made this version.</param>
/// <param name="Metrics">For sensors with several metrics (e.g. a DHT22's humidity and temperature): the newest reading of each, ordered by metric; null otherwise.</param>
/// <param name="LastSeenAt">For sensors: when the owner last accepted a sample (health is judged from it; a health change alone moves <paramref name="UpdatedAt"/>, not this).</param>
public sealed record SiteDeviceState(
    string DeviceId,
    DeviceKind Kind,
    Reading? LastReading,
    bool? Active,
    DeviceHealth Health,
    string OwnerNode,
    long Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<Reading>? Metrics = null,
    DateTimeOffset? LastSeenAt = null)
{
    /// <summary>Last-writer-wins merge: the higher version wins; on a tie the owner address decides, so every node picks the same.</summary>
    public static SiteDeviceState Merge(SiteDeviceState current, SiteDeviceState incoming)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Version != current.Version)
        {
            return incoming.Version > current.Version ? incoming : current;
        }

        return string.CompareOrdinal(incoming.OwnerNode, current.OwnerNode) > 0 ? incoming : current;
    }
}
