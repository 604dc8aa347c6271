using System.Security.Cryptography.X509Certificates;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;

namespace IotActors.Remote;

/// <summary>What <see cref="Remoting.StartAsync"/> needs: transport settings, the cluster secret, the node certificate and the message registry.</summary>
/// <param name="Transport">Transport settings; <c>SystemName</c> must equal the actor system's name.</param>
/// <param name="Secret">The site's cluster secret.</param>
/// <param name="Certificate">The node certificate with private key (required when TLS is on).</param>
/// <param name="Registry">Message types that may cross the wire; remoting adds its own built-in manifests.</param>
public sealed record RemotingSetup(RemoteTransportSettings Transport, ClusterSecret Secret, X509Certificate2? Certificate, MessageRegistry Registry)
{
    /// <summary>Role policy per manifest; null uses <see cref="MessageRegistry.Policy"/>.</summary>
    public MessagePolicy? Policy { get; init; }

    /// <summary>Clock for heartbeats, deadlines and backoff; null uses the actor system's clock.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Randomness for reconnect jitter; null draws a fresh one.</summary>
    public Random? Random { get; init; }

    /// <summary>How long termination waits for unacknowledged system messages (death-watch notifications) to reach peers.</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
