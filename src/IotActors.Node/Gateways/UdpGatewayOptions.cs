using System.Net;

namespace IotActors.Node.Gateways;

/// <summary>Settings of the UDP JSON gateway (<c>iotactors.gateway.udp</c>).</summary>
internal sealed record UdpGatewayOptions
{
    public bool Enabled { get; init; } = true;
    public IPAddress Bind { get; init; } = IPAddress.Any;
    public int Port { get; init; } = 50000;
    public bool AllowUnsigned { get; init; }
    public int MaxDatagramSize { get; init; } = 2048;
}
