using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.TestKit;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>One actor system with remoting on 127.0.0.1 (port 0) and the cluster tools, fed cluster events by the test.</summary>
internal sealed class ToolsNode : IAsyncDisposable
{
    private static readonly ClusterSecret Secret = ClusterSecret.Generate();

    private ToolsNode(ActorSystem system, CapturingLoggerProvider logs, ILoggerFactory factory)
    {
        System = system;
        Logs = logs;
        Factory = factory;
    }

    public ActorSystem System { get; }
    public CapturingLoggerProvider Logs { get; }
    private ILoggerFactory Factory { get; }
    public UniqueAddress Self { get; private set; } = null!;
    public Member Member => new(Self, MemberStatus.Up, ImmutableSortedSet<string>.Empty, 1);
    public IActorRef Mediator => DistributedPubSub.Get(System).Mediator;
    public IActorRef Receptionist => global::IotActors.Cluster.Tools.Registry.Receptionist.Get(System).Ref;
    public IActorRef Replicator => ReplicatedState.Get(System).Replicator;

    public static Task<ToolsNode> StartAsync(string name, string? storeFile = null, int gossipMs = 50, int? deltaMs = null) =>
        StartAsync(name, storeFile, gossipMs, null, deltaMs ?? gossipMs);

    /// <summary>Starts a node with the real cluster extension started before the tools (no fed membership).</summary>
    public static Task<ToolsNode> StartClusteredAsync(string name, ClusterSettings settings) => StartAsync(name, null, 50, settings, 50);

    private static async Task<ToolsNode> StartAsync(string name, string? storeFile, int gossipMs, ClusterSettings? cluster, int deltaMs)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(logs));
        var system = ActorSystem.Create(name, loggerFactory: factory);
        var settings = new RemoteTransportSettings(name, "site")
        {
            Port = 0,
            TlsEnabled = false,
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            AcceptableHeartbeatPause = TimeSpan.FromSeconds(2),
            ReconnectMaxBackoff = TimeSpan.FromMilliseconds(300),
        };
        var setup = new RemotingSetup(settings, Secret, null, ToolsTestMessages.Registry())
        {
            Random = new Random(7),
            ShutdownFlushTimeout = TimeSpan.FromMilliseconds(200),
        };
        await Remoting.StartAsync(system, setup);
        if (cluster is not null)
        {
            Cluster.Start(system, cluster);
        }

        var node = new ToolsNode(system, logs, factory);
        var interval = TimeSpan.FromMilliseconds(gossipMs);
        var delta = TimeSpan.FromMilliseconds(deltaMs);
        DistributedPubSub.Start(system, new DistributedPubSubSettings { GossipInterval = interval, DeltaInterval = delta, RandomSeed = 1 });
        global::IotActors.Cluster.Tools.Registry.Receptionist.Start(system, interval, delta);
        var state = ReplicatedState.Start(system, new ReplicatedStateSettings
        {
            GossipInterval = interval,
            DeltaInterval = delta,
            NotifyInterval = TimeSpan.FromMilliseconds(100),
            StoreFile = storeFile,
            PersistInterval = TimeSpan.FromMilliseconds(100),
        });
        node.Self = state.SelfAddress;
        return node;
    }

    /// <summary>Sends a cluster event (or snapshot) to the three tool actors of this node.</summary>
    public void Feed(object clusterEvent)
    {
        Mediator.Tell(clusterEvent, null);
        Receptionist.Tell(clusterEvent, null);
        Replicator.Tell(clusterEvent, null);
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Factory.Dispose();
        Logs.Dispose();
    }
}
