using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Receives JSON datagrams from simple peers (hello announcements and readings, signed or unsigned).</summary>
/// <remarks>One receive loop; bad input is counted and logged at a bounded rate, never thrown.</remarks>
internal sealed class UdpJsonGateway(UdpGatewayOptions options, GatewayPipeline pipeline, ILogger logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Socket? _socket;
    private Task _loop = Task.CompletedTask;

    /// <summary>The bound endpoint (its port is the real one when the configured port was 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_socket?.LocalEndPoint ?? throw new InvalidOperationException("The UDP gateway has not been started.");

    public GatewayMetrics Metrics => pipeline.Metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(options.Bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(options.Bind, options.Port));
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new InvalidOperationException(
                $"The UDP gateway cannot bind {options.Bind}:{options.Port} ({ex.SocketErrorCode}); change iotactors.gateway.udp.port or stop the other program.", ex);
        }
        _socket = socket;
        GatewayLog.Listening(logger, "udp", LocalEndPoint.ToString(), options.AllowUnsigned ? "allowed" : "refused");
        _loop = Task.Run(() => ReceiveLoopAsync(socket, _stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stop)
    {
        // One byte more than the largest datagram UDP can carry, so nothing is silently truncated.
        byte[] buffer = new byte[65536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                SocketReceiveFromResult result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
                var remote = (IPEndPoint)result.RemoteEndPoint;
                string source = $"udp:{remote.Address}:{remote.Port}";
                if (result.ReceivedBytes > options.MaxDatagramSize)
                {
                    pipeline.Metrics.CountReceived();
                    pipeline.Reject(RejectReason.TooLarge, source, $"{result.ReceivedBytes} bytes, at most {options.MaxDatagramSize} allowed");
                    continue;
                }
                await pipeline.ProcessAsync(buffer.AsMemory(0, result.ReceivedBytes), remote.Address.ToString(), source).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                // ICMP port-unreachable echoes and oversized datagrams surface here on some platforms; keep receiving.
                GatewayLog.ReceiveFailed(logger, "udp", ex);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        _socket = null;
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested && _socket is null) return;
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
