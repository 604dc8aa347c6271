using IotActors.Actors;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;
using IotActors.TestKit;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote.Tests.Support;

/// <summary>An actor system with remoting started on 127.0.0.1, port 0 (or a given port).</summary>
public sealed class RemotingNode : IAsyncDisposable
{
    private RemotingNode(ActorSystem system, Remoting remoting, CapturingLoggerProvider logs)
    {
        System = system;
        Remoting = remoting;
        Logs = logs;
        Probe = new TestProbe(system, "probe");
    }

    public ActorSystem System { get; }
    public Remoting Remoting { get; }
    public CapturingLoggerProvider Logs { get; }
    public TestProbe Probe { get; }
    public NodeAddress Address => Remoting.Address;

    /// <summary>The full path of an actor of this node, as another node would write it.</summary>
    public string PathOf(string localPath) => $"{System.Address}{localPath}";

    public static async Task<RemotingNode> StartAsync(
        string name, Func<RemoteTransportSettings, RemoteTransportSettings>? configure = null,
        MessageRegistry? registry = null, ClusterSecret? secret = null)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        var system = ActorSystem.Create(name, loggerFactory: factory);
        var settings = TestNodes.Settings(name, tls: true) with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(300),
            ReconnectMaxBackoff = TimeSpan.FromMilliseconds(300),
        };
        settings = configure?.Invoke(settings) ?? settings;
        var setup = new RemotingSetup(settings, secret ?? TestNodes.Secret, TestNodes.NewCertificate(name), registry ?? RemotingMessages.Registry())
        {
            Random = new Random(7),
            ShutdownFlushTimeout = TimeSpan.FromMilliseconds(500),
        };
        var remoting = await Remoting.StartAsync(system, setup);
        return new RemotingNode(system, remoting, logs);
    }

    public IActorRef Resolve(RemotingNode other, string localPath) => System.ResolveActorRef(other.PathOf(localPath));

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Logs.Dispose();
    }
}
