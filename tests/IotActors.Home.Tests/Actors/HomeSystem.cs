using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Cluster.Tools.Replication;
using IotActors.Devices.Actors;
using IotActors.Home.Actors;
using IotActors.Home.Audit;
using IotActors.Home.Configuration;
using IotActors.Home.Wiring;
using IotActors.Persistence;
using IotActors.Persistence.Sqlite;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;
using IotActors.TestKit;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Tests.Actors;

/// <summary>One in-process node: actor system (optional remoting), persistence on a data dir, the cluster tools standalone, a probe as its device manager and the smart site.</summary>
internal sealed class HomeSystem : IAsyncDisposable
{
    public static readonly ClusterSecret Secret = ClusterSecret.Generate();

    private HomeSystem(ActorSystem system, TestProbe hardware, SmartSite site, SqliteAuditLog audit, CapturingLoggerProvider logs)
    {
        System = system;
        Hardware = hardware;
        Site = site;
        Audit = audit;
        Logs = logs;
    }

    public ActorSystem System { get; }

    public TestProbe Hardware { get; }

    public SmartSite Site { get; }

    public SqliteAuditLog Audit { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<HomeSystem> StartAsync(string dataDir, HomeOptions home, IReadOnlyList<string> roles, TimeProvider? time = null,
        bool remoting = false, string name = "home", bool answerDevices = true, string[]? actuators = null, string[]? sensors = null)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        var system = ActorSystem.Create(name, null, factory, time);
        if (remoting)
        {
            var registry = new MessageRegistry();
            HomeMessages.RegisterWire(registry);
            var transport = new RemoteTransportSettings(name, "site") { Port = 0, TlsEnabled = false, Roles = roles };
            await Remoting.StartAsync(system, new RemotingSetup(transport, Secret, null, registry) { ShutdownFlushTimeout = TimeSpan.FromMilliseconds(200) });
        }

        var setup = await PersistenceStores.OpenSqliteAsync(new SqliteJournalOptions { DataDirectory = dataDir }, new SqliteSnapshotStoreOptions { DataDirectory = dataDir });
        var serializer = new PersistenceSerializer();
        HomeMessages.RegisterPersistence(serializer);
        PersistenceExtension.Register(system, setup with { Serializer = serializer });
        DistributedPubSub.Start(system, new DistributedPubSubSettings { GossipInterval = TimeSpan.FromMilliseconds(50), DeltaInterval = TimeSpan.FromMilliseconds(50) });
        Receptionist.Start(system, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        ReplicatedState.Start(system, new ReplicatedStateSettings { NotifyInterval = TimeSpan.FromMilliseconds(20), GossipInterval = TimeSpan.FromMilliseconds(50), DeltaInterval = TimeSpan.FromMilliseconds(50) });
        var hardware = new TestProbe(system, "hardware");
        var audit = SqliteAuditLog.OpenInDataDir(dataDir);
        var settings = new SmartSiteSettings(home, system.Address.ToString(), roles)
        {
            SiteUpdateInterval = TimeSpan.FromMilliseconds(10),
            FailSafeCheckInterval = TimeSpan.FromSeconds(1),
            ControlFeedInterval = TimeSpan.FromMilliseconds(10),
        };
        var site = SmartSite.Start(system, settings, hardware.Ref, null, audit);
        hardware.ExpectMsg<SetDevicesOwner>();
        hardware.ExpectMsg<ListDevices>();
        var infos = (actuators ?? ["fan-1"]).Select(id => new DeviceInfo(id, "virtual-fan", true, hardware.Ref)).ToArray();
        var sensorInfos = (sensors ?? []).Select(id => new DeviceInfo(id, "simulated-temperature", false, hardware.Ref));
        hardware.Reply(new DeviceList([.. infos, .. sensorInfos]));
        var node = new HomeSystem(system, hardware, site, audit, logs);
        if (answerDevices)
        {
            foreach (var _ in infos)
            {
                node.AnswerOutput();
            }
        }

        return node;
    }

    /// <summary>Expects the next SetDeviceOutput on the hardware probe and confirms it.</summary>
    public SetDeviceOutput AnswerOutput(TimeSpan? timeout = null)
    {
        var set = Hardware.ExpectMsg<SetDeviceOutput>(timeout: timeout ?? TimeSpan.FromSeconds(10));
        Hardware.Reply(new OutputSet(set.DeviceId, set.On));
        return set;
    }

    public IActorRef Actuator(string id = "fan-1")
    {
        IActorRef? found = null;
        TestKit.TestKit.AwaitCondition(() =>
        {
            var l = Receptionist.Get(System).Ref.Ask<Listing>(new Find(new ServiceKey<ActuatorCommand>(HomeTopics.ActuatorKey(id))), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            found = l.Services.IsEmpty ? null : l.Services[0];
            return found is not null;
        }, TimeSpan.FromSeconds(10));
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        Audit.Dispose();
    }
}
