using System.Net;

namespace IotActors.Cluster.Discovery;

/// <summary>A datagram received on the discovery port and where it came from.</summary>
public sealed record UdpBeaconDatagram(byte[] Payload, IPEndPoint Source);
