using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IotActors.Remote.Framing;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;
using IotActors.Remote.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Remote;

/// <summary>A node's endpoint for authenticated links to other nodes: send envelopes, receive them with their sender's identity.</summary>
/// <remarks>Events are raised on transport threads; handlers must be quick and must not block.</remarks>
public sealed partial class RemoteTransport : IAsyncDisposable
{
    private readonly ClusterSecret _secret;
    private readonly MessageRegistry _registry;
    private readonly MessagePolicy _policy;
    private readonly ConcurrentDictionary<NodeAddress, PeerLink> _links = new();
    private readonly ConcurrentBag<Task> _loops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly SslStreamCertificateContext? _certificateContext;
    private readonly byte[] _localFingerprint;
    private Socket? _listener;
    private ITimer? _heartbeatTimer;
    private NodeIdentity? _local;

    /// <summary>Creates a transport (the certificate, with private key, is required when TLS is enabled); call <see cref="StartAsync"/> to listen.</summary>
    public RemoteTransport(
        RemoteTransportSettings settings, ClusterSecret secret, X509Certificate2? certificate,
        MessageRegistry registry, MessagePolicy? policy = null, ILogger? logger = null,
        TimeProvider? time = null, Random? random = null)
    {
        if (settings.TlsEnabled && certificate is null)
            throw new ArgumentException("TLS is enabled, so the node needs a certificate (see NodeCertificate.LoadOrCreate).", nameof(certificate));
        if (certificate is not null && !certificate.HasPrivateKey)
            throw new ArgumentException("The node certificate has no private key.", nameof(certificate));
        Settings = settings;
        _secret = secret;
        _registry = registry;
        _policy = policy ?? registry.Policy;
        Logger = logger ?? NullLogger.Instance;
        Time = time ?? TimeProvider.System;
        Random = random ?? new Random();
        if (settings.TlsEnabled)
        {
            _certificateContext = SslStreamCertificateContext.Create(certificate!, null, offline: true);
            _localFingerprint = NodeCertificate.Fingerprint(certificate);
        }
        else
        {
            _localFingerprint = [];
        }
    }

    /// <summary>The settings this transport runs with.</summary>
    public RemoteTransportSettings Settings { get; }

    /// <summary>Counters for monitoring.</summary>
    public RemoteTransportMetrics Metrics { get; } = new();

    /// <summary>This node's identity; valid after <see cref="StartAsync"/>.</summary>
    public NodeIdentity LocalIdentity => _local ?? throw new InvalidOperationException("The transport has not been started.");

    /// <summary>This node's address; valid after <see cref="StartAsync"/>.</summary>
    public NodeAddress LocalAddress => LocalIdentity.Address;

    /// <summary>Raised for every authenticated, policy-checked and deserialized inbound envelope.</summary>
    public event Action<InboundEnvelope>? EnvelopeReceived;

    /// <summary>Raised when a link to a peer completes its handshake.</summary>
    public event Action<PeerConnected>? PeerConnected;

    /// <summary>Raised when a peer reappears with a new incarnation id (the old one is gone for good).</summary>
    public event Action<PeerIncarnationChanged>? PeerIncarnationChanged;

    /// <summary>Raised when the failure detector suspects a peer.</summary>
    public event Action<PeerUnreachable>? PeerUnreachable;

    /// <summary>Raised when a suspected peer is heard from again.</summary>
    public event Action<PeerReachable>? PeerReachable;

    /// <summary>Raised for each user message dropped from a full outbound queue (send it to dead letters).</summary>
    public event Action<UserMessageDropped>? UserMessageDropped;

    internal ILogger Logger { get; }
    internal TimeProvider Time { get; }
    internal Random Random { get; }
    internal CancellationToken StoppingToken => _stopping.Token;
    internal bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>The remoting layer this transport serves; its refs are resolved while payloads are deserialized.</summary>
    internal Remoting? Remoting { get; init; }

    /// <summary>Test hook: redirect dials (simulates an attacker controlling routing).</summary>
    internal Func<NodeAddress, IPEndPoint?>? DialOverride { get; set; }

    /// <summary>Test hook: simulate loss of inbound system messages in transit.</summary>
    internal bool DropInboundSystemMessages { get; set; }

    /// <summary>Binds the listener and starts accepting peers.</summary>
    public Task StartAsync()
    {
        if (_listener is not null) throw new InvalidOperationException("The transport is already started.");
        var ip = IPAddress.Parse(Settings.Host);
        var listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(ip, Settings.Port));
        listener.Listen(512);
        _listener = listener;
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        long incarnation = Settings.IncarnationId ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        _local = new NodeIdentity(Settings.SystemName, Settings.Host, port, incarnation, [.. Settings.Roles]);
        _loops.Add(AcceptLoopAsync(listener));
        _heartbeatTimer = Time.CreateTimer(_ => OnHeartbeatTick(), null, Settings.HeartbeatInterval, Settings.HeartbeatInterval);
        RemoteLog.Listening(Logger, LocalAddress, Settings.TlsEnabled);
        return Task.CompletedTask;
    }

    /// <summary>Queues an envelope for a peer; user envelopes may be dropped when the queue is full, system ones are redelivered until acknowledged.</summary>
    public void Send(NodeAddress to, RemoteEnvelope envelope)
    {
        EnvelopeSizeCheck(envelope);
        GetOrCreateLink(to).Enqueue(envelope);
    }

    /// <summary>Serializes <paramref name="message"/> with the registry and queues it for a peer.</summary>
    public void Send(NodeAddress to, string recipientPath, object message, string? senderPath = null, bool isSystem = false)
    {
        var (manifest, payload) = _registry.Serialize(message);
        Send(to, new RemoteEnvelope(recipientPath, senderPath, manifest, payload, isSystem));
    }

    /// <summary>The identity currently associated with an address, or null if never connected.</summary>
    public NodeIdentity? GetPeer(NodeAddress address) => _links.TryGetValue(address, out var link) ? link.Peer : null;

    internal int UnackedSystemMessages(NodeAddress address) => _links.TryGetValue(address, out var link) ? link.UnackedSystemMessages : 0;

    internal bool IsConnected(NodeAddress address) => _links.TryGetValue(address, out var link) && link.Current is { IsClosed: false };

    internal void AbortConnection(NodeAddress address)
    {
        if (_links.TryGetValue(address, out var link)) link.AbortCurrent();
    }

    /// <summary>Waits until every link's system messages are acknowledged, or the timeout passes (used before a graceful stop).</summary>
    internal async Task FlushSystemMessagesAsync(TimeSpan timeout)
    {
        if (IsStopping) return;
        var started = Time.GetTimestamp();
        while (_links.Values.Any(l => l.UnackedSystemMessages > 0 && l.Current is { IsClosed: false }) && Time.GetElapsedTime(started) < timeout)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), Time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void EnvelopeSizeCheck(RemoteEnvelope envelope)
    {
        int overhead = 64 + (envelope.RecipientPath.Length + (envelope.SenderPath?.Length ?? 0)) * 3 + envelope.Manifest.Length * 3;
        // Fast path: at most 3 UTF-8 bytes per char, so short strings cannot exceed the byte limits.
        if (envelope.Payload.Length + overhead <= Settings.MaxFrameSize && envelope.Manifest.Length is > 0 and <= EnvelopeCodec.MaxManifestBytes / 3
            && envelope.RecipientPath.Length is > 0 and <= EnvelopeCodec.MaxPathBytes / 3 && (envelope.SenderPath?.Length ?? 0) <= EnvelopeCodec.MaxPathBytes / 3)
            return;
        if (envelope.Payload.Length + overhead > Settings.MaxFrameSize)
            throw new ArgumentException(
                $"Envelope payload of {envelope.Payload.Length} bytes does not fit the maximum frame size {Settings.MaxFrameSize}.", nameof(envelope));
        if (System.Text.Encoding.UTF8.GetByteCount(envelope.Manifest) is 0 or > EnvelopeCodec.MaxManifestBytes)
            throw new ArgumentException("The manifest must be 1 to 255 UTF-8 bytes.", nameof(envelope));
        if (envelope.RecipientPath.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(envelope.RecipientPath) > EnvelopeCodec.MaxPathBytes
            || (envelope.SenderPath is not null && System.Text.Encoding.UTF8.GetByteCount(envelope.SenderPath) > EnvelopeCodec.MaxPathBytes))
            throw new ArgumentException("Actor paths must be 1 to 65535 UTF-8 bytes.", nameof(envelope));
    }

    private PeerLink GetOrCreateLink(NodeAddress address)
    {
        if (_links.TryGetValue(address, out var existing)) return existing;
        var created = new PeerLink(this, address);
        var link = _links.GetOrAdd(address, created);
        if (ReferenceEquals(link, created)) _loops.Add(Task.Run(() => created.RunAsync(_stopping.Token)));
        return link;
    }

    private void OnHeartbeatTick()
    {
        foreach (var link in _links.Values) link.Tick();
    }

    /// <summary>Stops listening, closes every link and waits for the loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _heartbeatTimer?.Dispose();
        _listener?.Dispose();
        foreach (var link in _links.Values) link.Current?.Abort();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or SocketException or ObjectDisposedException)
        {
        }
        _stopping.Dispose();
    }
}
