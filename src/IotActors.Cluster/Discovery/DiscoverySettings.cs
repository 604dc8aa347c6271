using System.Net;

namespace IotActors.Cluster.Discovery;

/// <summary>Settings of UDP discovery (<c>iotactors.cluster.discovery</c>).</summary>
/// <param name="Secret">The 32-byte cluster secret the beacon key is derived from.</param>
/// <param name="ClusterName">The cluster name written in beacons; beacons of other clusters are ignored.</param>
/// <param name="Targets">Where beacons go (broadcast, multicast or unicast endpoints).</param>
public sealed record DiscoverySettings(byte[] Secret, string ClusterName, IReadOnlyList<IPEndPoint> Targets)
{
    /// <summary>Local address the discovery socket binds (any address, so broadcasts arrive).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>UDP port beacons are received on.</summary>
    public int Port { get; init; } = UdpBeaconSocketOptions.DefaultPort;

    /// <summary>Multicast group joined for receiving, or null.</summary>
    public IPAddress? MulticastGroup { get; init; }

    /// <summary>Period between beacons.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Period between beacons right after start.</summary>
    public TimeSpan StartupInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long after start the faster period is used.</summary>
    public TimeSpan StartupDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the heard picture must be unchanged before the lowest node forms a new cluster.</summary>
    public TimeSpan FormationStablePeriod { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A node not heard for this long is forgotten.</summary>
    public TimeSpan HeardExpiry { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>At most one "ignored beacon" log line per source in this interval.</summary>
    public TimeSpan IgnoredLogInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value that cannot work.</summary>
    public void Validate()
    {
        if (Secret is null || Secret.Length != BeaconKey.SecretLength)
        {
            throw new ArgumentOutOfRangeException(nameof(Secret), "The discovery secret must be the 32-byte cluster secret.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(Interval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartupInterval, TimeSpan.Zero, nameof(StartupInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(FormationStablePeriod, TimeSpan.Zero, nameof(FormationStablePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeardExpiry, TimeSpan.Zero, nameof(HeardExpiry));
    }
}
