using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Cluster.Discovery;

/// <summary>The UDP socket of discovery: sends sealed beacons to the configured targets and receives on the discovery port.</summary>
/// <remarks>Binds with SO_REUSEADDR so several nodes on one host can share the port; broadcast is enabled. Thread-safe.</remarks>
public sealed class UdpBeaconSocket : IDisposable
{
    private readonly Socket _socket;
    private readonly UdpBeaconSocketOptions _options;
    private readonly ILogger _logger;
    private readonly IgnoredBeaconLogLimiter _limiter;
    private long _sent;
    private long _sendFailures;
    private long _received;
    private long _ignored;

    /// <summary>Opens and binds the socket.</summary>
    /// <exception cref="SocketException">The port cannot be bound.</exception>
    public UdpBeaconSocket(UdpBeaconSocketOptions options, TimeProvider time, ILogger<UdpBeaconSocket>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limiter = new IgnoredBeaconLogLimiter(time, options.IgnoredLogInterval);
        _socket = new Socket(options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.EnableBroadcast = true;
            _socket.Bind(new IPEndPoint(options.BindAddress, options.Port));
            if (options.MulticastGroup is { } group)
            {
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group));
            }
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        DiscoveryLog.Bound(_logger, _socket.LocalEndPoint, string.Join(", ", options.Targets));
    }

    /// <summary>The bound local endpoint (useful after binding port 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Datagrams sent successfully.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Sends that failed (logged, not thrown).</summary>
    public long SendFailureCount => Interlocked.Read(ref _sendFailures);

    /// <summary>Datagrams received.</summary>
    public long ReceivedCount => Interlocked.Read(ref _received);

    /// <summary>Datagrams reported as ignored through <see cref="ReportIgnored"/>.</summary>
    public long IgnoredCount => Interlocked.Read(ref _ignored);

    /// <summary>Sends <paramref name="datagram"/> to every configured target; a failing target is logged and skipped.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken = default)
    {
        foreach (var target in _options.Targets)
        {
            try
            {
                await _socket.SendToAsync(datagram, SocketFlags.None, target, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _sent);
            }
            catch (SocketException e)
            {
                Interlocked.Increment(ref _sendFailures);
                DiscoveryLog.SendFailed(_logger, target, e.Message);
            }
        }
    }

    /// <summary>Waits for the next datagram on the discovery port.</summary>
    public async Task<UdpBeaconDatagram> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var buffer = new byte[BeaconCodec.MaxDatagramSize + 1];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _received);
        return new UdpBeaconDatagram(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), (IPEndPoint)result.RemoteEndPoint);
    }

    /// <summary>Counts an ignored datagram and logs it, at most once per interval per source address.</summary>
    /// <returns>Whether a log line was written.</returns>
    public bool ReportIgnored(IPEndPoint source, BeaconRejectReason reason)
    {
        Interlocked.Increment(ref _ignored);
        if (!_limiter.ShouldLog(source.Address))
        {
            return false;
        }

        DiscoveryLog.IgnoredBeacon(_logger, source, reason, _options.IgnoredLogInterval);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
