using System.Collections.Immutable;
using System.Net;

namespace IotActors.Cluster.Discovery;

/// <summary>Where the beacon socket listens and where it sends.</summary>
/// <param name="BindAddress">Local address to bind (usually <see cref="IPAddress.Any"/>).</param>
/// <param name="Port">The discovery port (default 4054; 0 picks a free port).</param>
/// <param name="Targets">Broadcast, multicast or unicast endpoints every beacon is sent to.</param>
public sealed record UdpBeaconSocketOptions(IPAddress BindAddress, int Port, ImmutableArray<IPEndPoint> Targets)
{
    /// <summary>The default discovery port.</summary>
    public const int DefaultPort = 4054;

    /// <summary>Minimum time between two "ignored beacon" log lines for the same source.</summary>
    public TimeSpan IgnoredLogInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>IPv4 multicast group joined for receiving, or null.</summary>
    public IPAddress? MulticastGroup { get; init; }
}
