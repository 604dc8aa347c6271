using System.Net;
using System.Net.Sockets;

namespace IotActors.Node.Tools;

/// <summary>Echoes UDP datagrams or TCP bytes back to the sender, for <c>iotactors bench rtt</c>.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Socket _socket;
    private readonly Task _loop;

    private EchoServer(Socket socket, bool udp)
    {
        _socket = socket;
        _loop = Task.Run(() => udp ? EchoUdpAsync(_stop.Token) : AcceptTcpAsync(_stop.Token));
    }

    /// <summary>The bound endpoint.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Starts echoing on <paramref name="endpoint"/> (port 0 picks a free port).</summary>
    public static EchoServer Start(IPEndPoint endpoint, bool udp)
    {
        var socket = new Socket(endpoint.AddressFamily, udp ? SocketType.Dgram : SocketType.Stream, udp ? ProtocolType.Udp : ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            if (!udp) socket.Listen(64);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new EchoServer(socket, udp);
    }

    /// <summary>Completes when the server stops.</summary>
    public Task Completion => _loop;

    private async Task EchoUdpAsync(CancellationToken stop)
    {
        byte[] buffer = new byte[65536];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                SocketReceiveFromResult r = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
                await _socket.SendToAsync(buffer.AsMemory(0, r.ReceivedBytes), SocketFlags.None, r.RemoteEndPoint, stop).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // A client went away (ICMP unreachable); keep serving others.
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task AcceptTcpAsync(CancellationToken stop)
    {
        var clients = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                Socket client = await _socket.AcceptAsync(stop).ConfigureAwait(false);
                client.NoDelay = true;
                clients.Add(Task.Run(() => EchoTcpAsync(client, stop), CancellationToken.None));
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && stop.IsCancellationRequested)
            {
                break;
            }
        }
        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    private static async Task EchoTcpAsync(Socket client, CancellationToken stop)
    {
        using Socket _ = client;
        byte[] buffer = new byte[65536];
        try
        {
            int read;
            while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false)) > 0)
            {
                await client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stop).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Client gone or server stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
    }
}
