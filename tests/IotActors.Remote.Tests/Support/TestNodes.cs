using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;

namespace IotActors.Remote.Tests.Support;

/// <summary>A started transport plus what it received and logged.</summary>
public sealed class TestNode : IAsyncDisposable
{
    public required RemoteTransport Transport { get; init; }
    public required ListLogger Log { get; init; }
    public ConcurrentQueue<InboundEnvelope> Received { get; } = new();
    public ConcurrentQueue<object> Events { get; } = new();
    public NodeAddress Address => Transport.LocalAddress;

    public ValueTask DisposeAsync() => Transport.DisposeAsync();
}

public static class TestNodes
{
    public static readonly ClusterSecret Secret = ClusterSecret.Generate();
    private static readonly Lazy<X509Certificate2> SharedCert = new(() => NewCertificate("shared"));

    public static X509Certificate2 NewCertificate(string name) => NodeCertificate.CreateSelfSigned(name, DateTimeOffset.UtcNow);

    public static RemoteTransportSettings Settings(string system, bool tls = true, string cluster = "site") =>
        new(system, cluster) { Port = 0, TlsEnabled = tls, HandshakeTimeout = TimeSpan.FromSeconds(5), ReconnectMaxBackoff = TimeSpan.FromSeconds(1) };

    public static async Task<TestNode> StartAsync(
        RemoteTransportSettings settings, ClusterSecret? secret = null, X509Certificate2? certificate = null,
        MessagePolicy? policy = null, MessageRegistry? registry = null)
    {
        var log = new ListLogger();
        var transport = new RemoteTransport(settings, secret ?? Secret, settings.TlsEnabled ? certificate ?? SharedCert.Value : null,
            registry ?? TestMessages.Registry(), policy, log, TimeProvider.System, new Random(42));
        var node = new TestNode { Transport = transport, Log = log };
        transport.EnvelopeReceived += node.Received.Enqueue;
        transport.PeerConnected += node.Events.Enqueue;
        transport.PeerIncarnationChanged += node.Events.Enqueue;
        transport.PeerUnreachable += node.Events.Enqueue;
        transport.PeerReachable += node.Events.Enqueue;
        await transport.StartAsync();
        return node;
    }
}
