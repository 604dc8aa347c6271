namespace IotActors.Node.Gateways;

/// <summary>A simple peer seen by a gateway: a device of kind <c>remote-peer</c>.</summary>
/// <param name="DeviceId">The peer's device id.</param>
/// <param name="Source">The address it was last heard from.</param>
/// <param name="DiscoveredAt">When it was first heard (hello or reading).</param>
/// <param name="LastSeen">When it was last heard.</param>
/// <param name="Announced">True once it sent a hello.</param>
public sealed record RemotePeer(string DeviceId, string Source, DateTimeOffset DiscoveredAt, DateTimeOffset LastSeen, bool Announced)
{
    /// <summary>The device kind peers are registered as.</summary>
    public const string Kind = "remote-peer";

    /// <summary>True when the peer was heard within <paramref name="livenessTimeout"/> before <paramref name="now"/>.</summary>
    public bool IsAlive(DateTimeOffset now, TimeSpan livenessTimeout) => now - LastSeen <= livenessTimeout;
}
