using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using IotActors.Remote.Framing;
using IotActors.Remote.Handshake;
using IotActors.Remote.Security;
using IotActors.Remote.Transport;

namespace IotActors.Remote;

public sealed partial class RemoteTransport
{
    private const SslProtocols Protocols = SslProtocols.Tls13 | SslProtocols.Tls12;

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue;
            }
            _ = HandleInboundAsync(socket);
        }
    }

    private async Task HandleInboundAsync(Socket socket)
    {
        Connection connection;
        try
        {
            connection = await EstablishAsync(socket, null).ConfigureAwait(false);
        }
        catch (HandshakeFailedException)
        {
            return;
        }
        var link = GetOrCreateLink(connection.Remote.Address);
        bool accept = link.ShouldAcceptInbound();
        try
        {
            await WriteWelcomeAsync(connection, accept).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            connection.Abort();
            return;
        }
        if (!accept)
        {
            RemoteLog.DuplicateLink(Logger, connection.Remote);
            connection.Abort();
            return;
        }
        link.Attach(connection);
    }

    private const byte WelcomeAccepted = 1;
    private const byte WelcomeDuplicate = 2;

    private async Task WriteWelcomeAsync(Connection connection, bool accept)
    {
        var frame = new byte[FrameCodec.HeaderSize + 2];
        FrameCodec.Write(new ArrayBufferWriterAdapter(frame), FrameType.Welcome, [accept ? WelcomeAccepted : WelcomeDuplicate]);
        await connection.Stream.WriteAsync(frame, _stopping.Token).ConfigureAwait(false);
        await connection.Stream.FlushAsync(_stopping.Token).ConfigureAwait(false);
    }

    private async Task ReadWelcomeAsync(FrameReader reader, NodeIdentity remote, CancellationToken ct)
    {
        var frame = await reader.ReadOneAsync(16, ct).ConfigureAwait(false);
        if (frame is not { Type: FrameType.Welcome, Body: [var verdict] })
            throw new HandshakeFailedException(HandshakeFailure.ProtocolViolation, "expected a welcome frame after authentication");
        if (verdict == WelcomeDuplicate) throw new DuplicateLinkException(remote);
        if (verdict != WelcomeAccepted)
            throw new HandshakeFailedException(HandshakeFailure.ProtocolViolation, "welcome frame carries an unknown verdict");
    }

    /// <summary>Dials a peer and authenticates it within the handshake deadline.</summary>
    internal async Task<Connection> ConnectAsync(NodeAddress address, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(Settings.HandshakeTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, ct);
        var target = DialOverride?.Invoke(address);
        if (target is null)
        {
            IPAddress ip = IPAddress.TryParse(address.Host, out var parsed)
                ? parsed
                : (await Dns.GetHostAddressesAsync(address.Host, linked.Token).ConfigureAwait(false))[0];
            target = new IPEndPoint(ip, address.Port);
        }
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(target, linked.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return await EstablishAsync(socket, address).ConfigureAwait(false);
    }

    /// <summary>Runs TLS (if enabled) and the authentication handshake; failures are logged, counted and close the socket.</summary>
    private async Task<Connection> EstablishAsync(Socket socket, NodeAddress? expected)
    {
        string endPoint = socket.RemoteEndPoint?.ToString() ?? "unknown";
        bool outbound = expected is not null;
        socket.NoDelay = true;
        using var deadline = new CancellationTokenSource(Settings.HandshakeTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _stopping.Token);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            byte[] remoteFingerprint = [];
            if (Settings.TlsEnabled)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await AuthenticateTlsAsync(ssl, outbound, linked.Token).ConfigureAwait(false);
                remoteFingerprint = NodeCertificate.Fingerprint(ssl.RemoteCertificate);
            }
            var reader = new FrameReader(
                PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 8 * 1024, leaveOpen: true)),
                Settings.MaxFrameSize);
            var remote = await LinkHandshake.RunAsync(
                stream, reader, _secret, Settings.ClusterName, LocalIdentity, _localFingerprint, remoteFingerprint, expected, linked.Token)
                .ConfigureAwait(false);
            if (outbound) await ReadWelcomeAsync(reader, remote, linked.Token).ConfigureAwait(false);
            return new Connection(socket, stream, reader, remote, outbound, endPoint, Time.GetTimestamp());
        }
        catch (DuplicateLinkException)
        {
            socket.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            var failure = Classify(e, deadline.IsCancellationRequested);
            if (!_stopping.IsCancellationRequested)
            {
                Interlocked.Increment(ref Metrics.handshakeFailures);
                RemoteLog.HandshakeFailed(Logger, endPoint, failure.Failure, failure.Message);
            }
            socket.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
            throw failure;
        }
    }

    private static HandshakeFailedException Classify(Exception e, bool timedOut) => e switch
    {
        HandshakeFailedException h => h,
        OperationCanceledException when timedOut => new HandshakeFailedException(HandshakeFailure.Timeout, "handshake deadline passed", e),
        AuthenticationException => new HandshakeFailedException(HandshakeFailure.Tls, $"TLS failed: {e.Message}", e),
        IOException or SocketException or ObjectDisposedException =>
            new HandshakeFailedException(HandshakeFailure.ConnectionClosed, $"connection failed: {e.Message}", e),
        OperationCanceledException => new HandshakeFailedException(HandshakeFailure.ConnectionClosed, "transport is stopping", e),
        _ => new HandshakeFailedException(HandshakeFailure.ProtocolViolation, $"{e.GetType().Name}: {e.Message}", e),
    };

    private Task AuthenticateTlsAsync(SslStream ssl, bool outbound, CancellationToken ct)
    {
        // Certificates are self-signed or from a site CA; authenticity is proven by the HMAC over both fingerprints.
        static bool RequireCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
            System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) => certificate is not null;
        if (outbound)
        {
            return ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "iotactors-node",
                ClientCertificateContext = _certificateContext,
                EnabledSslProtocols = Protocols,
                CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = RequireCertificate,
            }, ct);
        }
        return ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _certificateContext,
            ClientCertificateRequired = true,
            EnabledSslProtocols = Protocols,
            CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = RequireCertificate,
        }, ct);
    }

    internal void Deliver(NodeIdentity sender, RemoteEnvelope envelope)
    {
        if (!_policy.IsAllowed(envelope.Manifest, sender.Roles))
        {
            Interlocked.Increment(ref Metrics.policyRejected);
            RemoteLog.PolicyRejected(Logger, sender, envelope.Manifest, string.Join(",", sender.Roles));
            _policy.OnRejected(sender, envelope.Manifest);
            return;
        }
        bool ok;
        object message;
        Serialization.DeserializeFailure failure;
        string? detail;
        using (Remoting is null ? default : ActorRefJsonConverter.Enter(Remoting))
            ok = _registry.TryDeserialize(envelope.Manifest, envelope.Payload.Span, out message, out failure, out detail);
        if (!ok)
        {
            if (failure == Serialization.DeserializeFailure.UnknownManifest)
            {
                Interlocked.Increment(ref Metrics.unknownManifestDropped);
                RemoteLog.UnknownManifest(Logger, sender, envelope.Manifest);
            }
            else
            {
                Interlocked.Increment(ref Metrics.badPayloadDropped);
                RemoteLog.BadPayload(Logger, sender, envelope.Manifest, detail);
            }
            return;
        }
        Interlocked.Increment(ref Metrics.envelopesDelivered);
        Raise(EnvelopeReceived, new InboundEnvelope(sender, envelope, message));
    }

    internal void OnConnected(Connection connection)
    {
        RemoteLog.PeerConnected(Logger, connection.Remote, connection.InitiatedLocally ? "outbound" : "inbound");
        Raise(PeerConnected, new PeerConnected(connection.Remote));
    }

    internal void OnIncarnationChanged(NodeIdentity old, NodeIdentity @new, int dropped)
    {
        RemoteLog.IncarnationChanged(Logger, old, @new, dropped);
        Raise(PeerIncarnationChanged, new PeerIncarnationChanged(old, @new, dropped));
    }

    internal void OnUnreachable(NodeIdentity peer, double phi)
    {
        RemoteLog.Unreachable(Logger, peer, phi);
        Raise(PeerUnreachable, new PeerUnreachable(peer, phi));
    }

    internal void OnReachable(NodeIdentity peer)
    {
        RemoteLog.Reachable(Logger, peer);
        Raise(PeerReachable, new PeerReachable(peer));
    }

    internal void OnUserMessageDropped(NodeAddress peer, RemoteEnvelope envelope)
    {
        Interlocked.Increment(ref Metrics.userMessagesDroppedQueueFull);
        Raise(UserMessageDropped, new UserMessageDropped(peer, envelope));
    }

    private void Raise<T>(Action<T>? handler, T args)
    {
        if (handler is null) return;
        try
        {
            handler(args);
        }
        catch (Exception e)
        {
            RemoteLog.HandlerFailed(Logger, e);
        }
    }
}
