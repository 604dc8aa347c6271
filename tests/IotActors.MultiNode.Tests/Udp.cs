using System.Net;
using System.Net.Sockets;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

/// <summary>Plain UDP between nodes' namespaces, to observe what the harness does to the network.</summary>
internal static class Udp
{
    /// <summary>Sends datagrams from <paramref name="from"/>'s namespace to <paramref name="target"/> (a node or broadcast address) at
    /// the port of a receiver in <paramref name="to"/>'s namespace, until one arrives or <paramref name="window"/> passes.</summary>
    public static async Task<bool> ArrivesAsync(ClusterNode from, ClusterNode to, IPAddress target, TimeSpan window)
    {
        using Socket receiver = to.CreateSocket(SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Any, 0));
        int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
        using Socket sender = from.CreateSocket(SocketType.Dgram, ProtocolType.Udp);
        sender.EnableBroadcast = true;
        byte[] payload = "harness-probe"u8.ToArray();

        using var deadline = new CancellationTokenSource(window);
        var buffer = new byte[64];
        Task<SocketReceiveFromResult> arrived = receiver.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), deadline.Token).AsTask();
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await sender.SendToAsync(payload, new IPEndPoint(target, port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
            {
                // An nftables drop in the sender's own output chain refuses the send (EPERM): the datagram is lost.
            }
            if (await Task.WhenAny(arrived, Task.Delay(50)) == arrived) break;
        }
        try
        {
            SocketReceiveFromResult result = await arrived;
            return buffer.AsSpan(0, result.ReceivedBytes).SequenceEqual(payload)
                && ((IPEndPoint)result.RemoteEndPoint).Address.Equals(from.Address);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
