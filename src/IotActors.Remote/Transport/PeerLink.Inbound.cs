using System.Buffers.Binary;
using IotActors.Remote.Framing;

namespace IotActors.Remote.Transport;

internal sealed partial class PeerLink
{
    /// <summary>Makes an authenticated connection current, applying incarnation and duplicate-link rules.</summary>
    public bool Attach(Connection connection)
    {
        var remote = connection.Remote;
        NodeIdentity? oldIncarnation = null;
        int dropped = 0;
        Connection? replaced = null;
        lock (_gate)
        {
            if (_peer is not null && _peer.IncarnationId != remote.IncarnationId)
            {
                oldIncarnation = _peer;
                dropped = _unacked.Count;
                _unacked.Clear();
                _nextSeq = 1;
                _inboundExpected = 0;
                Interlocked.Exchange(ref _ackToSend, -1);
                _detector = NewDetector();
                _unreachable = false;
                replaced = _current;
                _current = null;
            }
            replaced ??= _current;
            _current = connection;
            _peer = remote;
            _sysCursor = 0;
            _detector.Heartbeat();
            _unreachable = false;
        }
        replaced?.Abort();
        if (oldIncarnation is not null) _owner.OnIncarnationChanged(oldIncarnation, remote, dropped);
        _owner.OnConnected(connection);
        _ = ReadLoopAsync(connection);
        Signal();
        return true;
    }

    /// <summary>When both sides dial at once, the dial from the lower address wins: the lower side refuses inbound while dialling.</summary>
    public bool ShouldAcceptInbound()
    {
        bool localIsLower = NodeAddress.CompareOrdinal(_owner.LocalAddress, Address) < 0;
        if (!localIsLower) return true;
        lock (_gate)
        {
            if (_dialing) return false;
            // A link we opened moments ago is the winner of a simultaneous connect, not a dead one being replaced.
            return _current is not { IsClosed: false, InitiatedLocally: true } current
                || _owner.Time.GetElapsedTime(current.EstablishedAt) > _owner.Settings.HandshakeTimeout;
        }
    }

    private void OnConnectionFailed(Connection connection, string reason)
    {
        bool wasCurrent;
        lock (_gate)
        {
            wasCurrent = _current == connection;
            if (wasCurrent)
            {
                _current = null;
                _sysCursor = 0; // whatever was written but not acknowledged goes again on the next link
            }
        }
        if (wasCurrent && !connection.IsClosed && !_owner.IsStopping)
        {
            Interlocked.Increment(ref _owner.Metrics.linkErrors);
            RemoteLog.LinkError(_owner.Logger, connection.Remote, connection.EndPoint, reason);
        }
        connection.Abort();
        Signal();
    }

    private async Task ReadLoopAsync(Connection connection)
    {
        string reason = "closed by peer";
        try
        {
            await connection.Reader.RunAsync((type, body) => HandleFrame(connection, type, body), _owner.StoppingToken).ConfigureAwait(false);
        }
        catch (FrameDecodeException e)
        {
            reason = $"protocol error: {e.Message}";
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            reason = $"read failed: {e.Message}";
        }
        OnConnectionFailed(connection, reason);
    }

    private void HandleFrame(Connection connection, FrameType type, ReadOnlySpan<byte> body)
    {
        Interlocked.Add(ref _owner.Metrics.bytesReceived, body.Length);
        switch (type)
        {
            case FrameType.Envelope:
                if (!EnvelopeCodec.TryDecode(body, out var envelope, out var error, connection.Strings))
                    throw new FrameDecodeException(FrameError.MalformedBody, error);
                if (envelope.IsSystem && !AcceptSystem(envelope.SeqNr)) return;
                _owner.Deliver(connection.Remote, envelope);
                break;
            case FrameType.Ack:
                if (body.Length != 8) throw new FrameDecodeException(FrameError.MalformedBody, "ack frame must carry 8 bytes");
                OnAck(BinaryPrimitives.ReadInt64BigEndian(body));
                break;
            case FrameType.Heartbeat:
                OnHeartbeat(connection.Remote);
                break;
            default:
                throw new FrameDecodeException(FrameError.MalformedBody, $"{type} frame is not allowed after the handshake");
        }
    }

    private bool AcceptSystem(long seq)
    {
        if (_owner.DropInboundSystemMessages) return false;
        bool accept;
        long ack;
        lock (_gate)
        {
            accept = seq == _inboundExpected + 1;
            if (accept) _inboundExpected = seq;
            ack = _inboundExpected;
        }
        if (!accept) Interlocked.Increment(ref _owner.Metrics.duplicateSystemMessages);
        Interlocked.Exchange(ref _ackToSend, ack);
        Signal();
        return accept;
    }

    private void OnAck(long seq)
    {
        lock (_gate)
        {
            int count = 0;
            while (count < _unacked.Count && _unacked[count].Seq <= seq) count++;
            if (count == 0) return;
            _unacked.RemoveRange(0, count);
            _sysCursor = Math.Max(0, _sysCursor - count);
        }
    }

    private void OnHeartbeat(NodeIdentity remote)
    {
        bool recovered;
        lock (_gate)
        {
            _detector.Heartbeat();
            recovered = _unreachable;
            _unreachable = false;
        }
        if (recovered) _owner.OnReachable(remote);
    }

    /// <summary>Closes the current connection (tests simulate a network failure with this).</summary>
    public void AbortCurrent()
    {
        var connection = Current;
        if (connection is not null) OnConnectionFailed(connection, "aborted locally");
    }
}
