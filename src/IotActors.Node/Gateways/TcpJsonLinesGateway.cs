using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Accepts JSON lines (<c>{"sensor_id":"t1","value":21.5,"unit":"C"}</c>) over TCP and answers <c>ACK</c> or <c>ERR &lt;reason&gt;</c> per line.</summary>
/// <remarks>Limits: line length (longer closes the connection), idle timeout on the injected clock, connection count.</remarks>
internal sealed class TcpJsonLinesGateway(TcpGatewayOptions options, GatewayPipeline pipeline, TimeProvider time, ILogger logger) : IHostedService, IAsyncDisposable
{
    private static readonly byte[] Ack = "ACK\n"u8.ToArray();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private int _active;

    /// <summary>The bound endpoint (its port is the real one when the configured port was 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? throw new InvalidOperationException("The TCP gateway has not been started.");

    public GatewayMetrics Metrics => pipeline.Metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listener = new TcpListener(options.Bind, options.Port);
        try
        {
            listener.Start(backlog: 64);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new InvalidOperationException(
                $"The TCP gateway cannot listen on {options.Bind}:{options.Port} ({ex.SocketErrorCode}); change iotactors.gateway.tcp.port or stop the other program.", ex);
        }
        _listener = listener;
        GatewayLog.Listening(logger, "tcp", LocalEndPoint.ToString(), options.AllowUnsigned ? "allowed" : "refused");
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                GatewayLog.ReceiveFailed(logger, "tcp", ex);
                continue;
            }
            Task connection = Task.Run(() => ServeAsync(client, stop), CancellationToken.None);
            _connections[connection] = true;
            _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        using TcpClient _ = client;
        try
        {
            if (Interlocked.Increment(ref _active) > options.MaxConnections)
            {
                pipeline.Metrics.CountConnectionRefused();
                await client.GetStream().WriteAsync("ERR too-many-connections\n"u8.ToArray(), stop).ConfigureAwait(false);
                return;
            }
            pipeline.Metrics.CountConnection();
            await ReadLinesAsync(client, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer went away or the node is stopping: nothing to report.
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private async Task ReadLinesAsync(TcpClient client, CancellationToken stop)
    {
        var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
        string source = $"tcp:{remote.Address}:{remote.Port}";
        string rateKey = remote.Address.ToString();
        NetworkStream stream = client.GetStream();
        byte[] buffer = new byte[options.MaxLineLength + 2];
        int filled = 0;
        using var idle = new CancellationTokenSource(options.IdleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, stop);
        var answers = new MemoryStream();
        while (true)
        {
            idle.CancelAfter(options.IdleTimeout);
            int read;
            try
            {
                read = await stream.ReadAsync(buffer.AsMemory(filled), linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                pipeline.Metrics.CountIdleTimeout();
                await stream.WriteAsync("ERR idle-timeout\n"u8.ToArray(), stop).ConfigureAwait(false);
                return;
            }
            if (read == 0) return;
            int start = 0, end = filled + read;
            for (int i = filled; i < end; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                int length = i - start;
                if (length > 0 && buffer[start + length - 1] == (byte)'\r') length--;
                if (length > 0) await AnswerAsync(buffer.AsMemory(start, length), rateKey, source, answers).ConfigureAwait(false);
                start = i + 1;
            }
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            filled = end - start;
            if (answers.Length > 0)
            {
                await stream.WriteAsync(answers.GetBuffer().AsMemory(0, (int)answers.Length), stop).ConfigureAwait(false);
                answers.SetLength(0);
            }
            if (filled > options.MaxLineLength)
            {
                pipeline.Metrics.CountReceived();
                pipeline.Reject(RejectReason.TooLarge, source, $"line longer than {options.MaxLineLength} bytes");
                await stream.WriteAsync("ERR too-large\n"u8.ToArray(), stop).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task AnswerAsync(ReadOnlyMemory<byte> line, string rateKey, string source, MemoryStream answers)
    {
        DecodedMessage result = await pipeline.ProcessAsync(line, rateKey, source).ConfigureAwait(false);
        answers.Write(result.Rejection is { } reason ? Encoding.ASCII.GetBytes($"ERR {RejectReasons.WireName(reason)}\n") : Ack);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        _listener?.Dispose();
        _listener = null;
        await Task.WhenAll(_connections.Keys.Append(_acceptLoop)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
