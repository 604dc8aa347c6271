using System.Net;

namespace IotActors.Node.Gateways;

/// <summary>Settings of the TCP JSON-lines gateway (<c>iotactors.gateway.tcp</c>).</summary>
internal sealed record TcpGatewayOptions
{
    public bool Enabled { get; init; } = true;
    public IPAddress Bind { get; init; } = IPAddress.Any;
    public int Port { get; init; } = 50010;
    public bool AllowUnsigned { get; init; } = true;
    public int MaxLineLength { get; init; } = 4096;
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public int MaxConnections { get; init; } = 64;
}
