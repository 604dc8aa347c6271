using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>Simulated simple peers: unsigned JSON datagrams to a gateway node's UDP port and JSON lines to another's TCP port, sent from inside the gateway's namespace.</summary>
internal sealed class GatewayTraffic
{
    public const string UdpDevice = "gw-udp-1";
    public const string TcpDevice = "gw-tcp-1";
    private const int UdpPort = 50000;
    private const int TcpPort = 50010;
    private readonly ClusterNode _udpNode;
    private readonly ClusterNode _tcpNode;
    private readonly Random _random;

    public GatewayTraffic(ClusterNode udpNode, ClusterNode tcpNode, int seed)
    {
        _udpNode = udpNode;
        _tcpNode = tcpNode;
        _random = new Random(seed);
    }

    public int UdpSent { get; private set; }

    public int TcpAcked { get; private set; }

    public int TcpFailed { get; private set; }

    /// <summary>Sends one reading per transport per second until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        Socket? tcp = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                double value = Math.Round(18 + _random.NextDouble() * 10, 2);
                SendUdp(value);
                (tcp, bool acked) = await SendTcpAsync(tcp, value).ConfigureAwait(false);
                if (acked) TcpAcked++;
                else TcpFailed++;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            tcp?.Dispose();
        }
    }

    private void SendUdp(double value)
    {
        if (_udpNode.State != NodeProcessState.Running && _udpNode.State != NodeProcessState.Paused) return;
        try
        {
            using var socket = _udpNode.CreateSocket(SocketType.Dgram, ProtocolType.Udp);
            string json = string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"temperature\",\"device\":\"{UdpDevice}\",\"value\":{value},\"unit\":\"C\"}}");
            socket.SendTo(Encoding.UTF8.GetBytes(json), new IPEndPoint(_udpNode.Address, UdpPort));
            UdpSent++;
        }
        catch (SocketException)
        {
            // Loss on the link (nftables refuses the send): the datagram is gone, as on a real network.
        }
    }

    private async Task<(Socket?, bool)> SendTcpAsync(Socket? socket, double value)
    {
        if (_tcpNode.State != NodeProcessState.Running) return (Drop(socket), false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            if (socket is null)
            {
                socket = _tcpNode.CreateSocket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(_tcpNode.Address, TcpPort), timeout.Token).ConfigureAwait(false);
            }
            string line = string.Create(CultureInfo.InvariantCulture, $"{{\"sensor_id\":\"{TcpDevice}\",\"value\":{value},\"unit\":\"C\"}}\n");
            await socket.SendAsync(Encoding.UTF8.GetBytes(line), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[256];
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            string answer = Encoding.UTF8.GetString(buffer, 0, read);
            if (read == 0 || !answer.StartsWith("ACK", StringComparison.Ordinal)) return (Drop(socket), false);
            return (socket, true);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return (Drop(socket), false);
        }
    }

    private static Socket? Drop(Socket? socket)
    {
        socket?.Dispose();
        return null;
    }
}
