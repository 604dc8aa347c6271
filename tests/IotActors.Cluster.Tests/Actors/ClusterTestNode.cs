using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using IotActors.Actors;
using IotActors.Cluster.FailureDetection;
using IotActors.Cluster.Membership;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;
using IotActors.TestKit;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Tests.Actors;

/// <summary>An actor system with remoting on 127.0.0.1 and the cluster started, with fast but tolerant timings.</summary>
internal sealed class ClusterTestNode : IAsyncDisposable
{
    public const string SystemName = "site";
    public static readonly ClusterSecret Secret = ClusterSecret.Generate();
    private static readonly Lazy<X509Certificate2> Certificate = new(() => NodeCertificate.CreateSelfSigned("cluster-tests", DateTimeOffset.UtcNow));

    private ClusterTestNode(ActorSystem system, Cluster cluster, CapturingLoggerProvider logs)
    {
        System = system;
        Cluster = cluster;
        Logs = logs;
        Probe = new TestProbe(system, "events");
    }

    public ActorSystem System { get; }

    public Cluster Cluster { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>A probe subscribed to nothing yet; <see cref="SubscribeProbe"/> subscribes it.</summary>
    public TestProbe Probe { get; }

    public NodeAddress Address => Cluster.Remoting.Address;

    /// <summary>Timings for in-process tests: 100 ms gossip and heartbeats, 1 s acceptable pause, 1 s stable-after.</summary>
    public static ClusterSettings FastSettings(params string[] seeds) => new()
    {
        GossipInterval = TimeSpan.FromMilliseconds(100),
        LeaderActionsInterval = TimeSpan.FromMilliseconds(100),
        JoinRetryInterval = TimeSpan.FromMilliseconds(300),
        SeedNodeTimeout = TimeSpan.FromMilliseconds(300),
        HeartbeatInterval = TimeSpan.FromMilliseconds(100),
        UnreachableCheckInterval = TimeSpan.FromMilliseconds(50),
        FailureDetector = new PhiAccrualOptions(8, 100, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)),
        StableAfter = TimeSpan.FromSeconds(1),
        LeaveTimeout = TimeSpan.FromSeconds(10),
        SeedNodes = seeds,
    };

    public static async Task<ClusterTestNode> StartAsync(ClusterSettings settings, int port = 0, string[]? roles = null)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(logs));
        var system = ActorSystem.Create(SystemName, loggerFactory: factory);
        var transport = new RemoteTransportSettings(SystemName, "tests")
        {
            Port = port,
            Roles = roles ?? ["controller"],
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            ReconnectMaxBackoff = TimeSpan.FromMilliseconds(300),
        };
        var setup = new RemotingSetup(transport, Secret, Certificate.Value, new MessageRegistry())
        {
            ShutdownFlushTimeout = TimeSpan.FromMilliseconds(300),
        };
        await Remoting.StartAsync(system, setup);
        return new ClusterTestNode(system, Cluster.Start(system, settings), logs);
    }

    public void SubscribeProbe(bool snapshot = true) => Cluster.Subscribe(Probe.Ref, snapshot);

    public IReadOnlyList<Member> UpMembers => Cluster.State.Members.Where(m => m.Status == MemberStatus.Up).ToList();

    /// <summary>Whether this node sees exactly the given nodes, all Up.</summary>
    public bool SeesAllUp(params ClusterTestNode[] nodes) =>
        UpMembers.Count == nodes.Length && nodes.All(n => UpMembers.Any(m => m.Address.Equals(n.Cluster.SelfAddress)));

    /// <summary>
    /// Receives the probe's cluster events until one matches <paramref name="last"/>. On timeout it fails with every
    /// event received and this node's log, so a CI failure explains itself.
    /// </summary>
    public IReadOnlyList<ClusterEvent> EventsUntil(Func<ClusterEvent, bool> last, TimeSpan timeout)
    {
        var received = new List<ClusterEvent>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Probe.ReceiveOne(timeout - clock.Elapsed) is ClusterEvent e)
            {
                received.Add(e);
                if (last(e)) { return received; }
            }
        }

        var log = string.Join(Environment.NewLine, Logs.Entries.Select(e => $"  {e.Level} {e.Category}: {e.Message}"));
        throw new TestKitAssertionException(
            $"Timeout ({timeout.TotalMilliseconds:0} ms) waiting for a cluster event on {Address}. Received: [{string.Join(", ", received)}]{Environment.NewLine}Log:{Environment.NewLine}{log}");
    }

    public bool LogContains(string text) => Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Logs.Dispose();
    }
}
