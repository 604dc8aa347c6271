using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading.Channels;
using IotActors.Remote.FailureDetection;
using IotActors.Remote.Framing;
using IotActors.Remote.Handshake;

namespace IotActors.Remote.Transport;

/// <summary>The association with one peer address: outbound queues, system-message redelivery, the current connection.</summary>
/// <remarks>One loop per link connects (with backoff) and writes; frames are read on the connection's reader task.</remarks>
internal sealed partial class PeerLink
{
    private readonly RemoteTransport _owner;
    private readonly object _gate = new();
    private readonly Channel<RemoteEnvelope> _user;
    private readonly Channel<byte> _signal = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<(long Seq, RemoteEnvelope Envelope)> _unacked = [];
    private readonly ArrayBufferWriter<byte> _buffer;
    private Connection? _current;
    private NodeIdentity? _peer;
    private int _sysCursor;
    private long _nextSeq = 1;
    private long _inboundExpected;
    private long _ackToSend = -1;
    private int _heartbeatDue;
    private PhiAccrualFailureDetector _detector;
    private bool _unreachable;
    private bool _dialing;

    public PeerLink(RemoteTransport owner, NodeAddress address)
    {
        _owner = owner;
        Address = address;
        _user = Channel.CreateBounded<RemoteEnvelope>(
            new BoundedChannelOptions(owner.Settings.OutboundQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => _owner.OnUserMessageDropped(Address, dropped));
        _buffer = new ArrayBufferWriter<byte>(owner.Settings.WriteBatchBytes + 1024);
        _detector = NewDetector();
    }

    public NodeAddress Address { get; }

    public NodeIdentity? Peer { get { lock (_gate) return _peer; } }

    public int UnackedSystemMessages { get { lock (_gate) return _unacked.Count; } }

    internal Connection? Current { get { lock (_gate) return _current; } }

    private PhiAccrualFailureDetector NewDetector() => new(
        _owner.Time, _owner.Settings.PhiThreshold, 1000, _owner.Settings.MinStdDeviation,
        _owner.Settings.AcceptableHeartbeatPause, _owner.Settings.HeartbeatInterval);

    public void Enqueue(RemoteEnvelope envelope)
    {
        if (envelope.IsSystem)
        {
            lock (_gate)
            {
                _unacked.Add((_nextSeq, envelope with { SeqNr = _nextSeq }));
                _nextSeq++;
            }
        }
        else
        {
            _user.Writer.TryWrite(envelope);
        }
        Signal();
    }

    private void Signal() => _signal.Writer.TryWrite(0);

    private bool HasPendingOutbound()
    {
        lock (_gate)
            if (_sysCursor < _unacked.Count) return true;
        return _user.Reader.Count > 0;
    }

    /// <summary>Connects when needed, then writes queued frames in coalesced batches until the transport stops.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        int attempt = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var connection = Current;
                if (connection is null)
                {
                    if (!HasPendingOutbound())
                    {
                        await _signal.Reader.ReadAsync(ct).ConfigureAwait(false);
                        continue;
                    }
                    try
                    {
                        lock (_gate) _dialing = true;
                        var fresh = await _owner.ConnectAsync(Address, ct).ConfigureAwait(false);
                        Attach(fresh);
                        attempt = 0;
                    }
                    catch (DuplicateLinkException)
                    {
                        // The peer kept our inbound link instead; wait for it (or retry later if it fails).
                        attempt++;
                        await Task.Delay(Backoff.Next(attempt, _owner.Settings.ReconnectMinBackoff, _owner.Settings.ReconnectMaxBackoff, _owner.Random), _owner.Time, ct).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        attempt++;
                        var delay = Backoff.Next(attempt, _owner.Settings.ReconnectMinBackoff, _owner.Settings.ReconnectMaxBackoff, _owner.Random);
                        RemoteLog.ConnectFailed(_owner.Logger, Address, attempt, delay, e.Message);
                        await Task.Delay(delay, _owner.Time, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        lock (_gate) _dialing = false;
                    }
                    continue;
                }
                if (!await WriteBatchAsync(connection, ct).ConfigureAwait(false))
                    await _signal.Reader.ReadAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async ValueTask<bool> WriteBatchAsync(Connection connection, CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        int batch = _owner.Settings.WriteBatchBytes;
        int envelopes = 0;
        long ack = Interlocked.Exchange(ref _ackToSend, -1);
        if (ack >= 0)
        {
            FrameCodec.WriteHeader(_buffer, FrameType.Ack, 8);
            BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), ack);
            _buffer.Advance(8);
        }
        if (Interlocked.Exchange(ref _heartbeatDue, 0) != 0) FrameCodec.WriteHeader(_buffer, FrameType.Heartbeat, 0);
        lock (_gate)
        {
            if (_current != connection) return true;
            while (_sysCursor < _unacked.Count && _buffer.WrittenCount < batch)
            {
                var (seq, envelope) = _unacked[_sysCursor++];
                EnvelopeCodec.WriteFrame(_buffer, envelope, seq);
                envelopes++;
            }
        }
        while (_buffer.WrittenCount < batch && _user.Reader.TryRead(out var user))
        {
            EnvelopeCodec.WriteFrame(_buffer, user, 0);
            envelopes++;
        }
        if (_buffer.WrittenCount == 0) return false;
        try
        {
            if (_owner.Settings.FaultInjectionDelay is { } delay) await InjectDelayAsync(delay, ct).ConfigureAwait(false);
            await connection.Stream.WriteAsync(_buffer.WrittenMemory, ct).ConfigureAwait(false);
            await connection.Stream.FlushAsync(ct).ConfigureAwait(false);
            Interlocked.Add(ref _owner.Metrics.envelopesSent, envelopes);
            Interlocked.Add(ref _owner.Metrics.bytesSent, _buffer.WrittenCount);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            OnConnectionFailed(connection, $"write failed: {e.Message}");
        }
        return true;
    }

    /// <summary>Test-only latency: waits a random time in [min, max] before a batch goes out (order is kept: one writer per link).</summary>
    private Task InjectDelayAsync((TimeSpan Min, TimeSpan Max) delay, CancellationToken ct)
    {
        double ms;
        lock (_owner.Random) ms = delay.Min.TotalMilliseconds + (_owner.Random.NextDouble() * (delay.Max - delay.Min).TotalMilliseconds);
        return Task.Delay(TimeSpan.FromMilliseconds(ms), _owner.Time, ct);
    }

    /// <summary>Queues a heartbeat and re-evaluates reachability; called by the transport's heartbeat timer.</summary>
    public void Tick()
    {
        NodeIdentity? peer;
        double phi;
        bool becameUnreachable = false;
        lock (_gate)
        {
            if (_current is not null) Interlocked.Exchange(ref _heartbeatDue, 1);
            peer = _peer;
            phi = _detector.Phi();
            if (peer is not null && _detector.IsMonitoring && !_unreachable && phi >= _detector.Threshold)
            {
                _unreachable = true;
                becameUnreachable = true;
            }
        }
        if (becameUnreachable)
        {
            _owner.OnUnreachable(peer!, phi);
            // Start over on a fresh connection: after a partition the old one can stay silent for many seconds more while
            // the kernel backs off its retransmissions; a new connection (reconnect-max-backoff) carries traffic at once.
            if (Current is { } stale) OnConnectionFailed(stale, $"peer unreachable (phi {phi:F1}); reconnecting");
        }
        Signal();
    }
}
