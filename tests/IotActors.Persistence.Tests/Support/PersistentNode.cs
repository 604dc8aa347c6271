using IotActors.Actors;
using IotActors.Persistence.Sqlite;
using IotActors.Persistence.Tests.Actors;
using IotActors.TestKit;
using Microsoft.Extensions.Logging;

namespace IotActors.Persistence.Tests.Support;

/// <summary>An actor system with persistence over real stores, a probe and captured logs; disposing terminates it and closes the stores.</summary>
internal sealed class PersistentNode : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private PersistentNode(PersistenceSetup setup, string name)
    {
        Logs = new CapturingLoggerProvider();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        System = ActorSystem.Create(name, null, _loggerFactory);
        Persistence = PersistenceExtension.Register(System, setup);
        Probe = new TestProbe(System, "probe");
    }

    public ActorSystem System { get; }

    public PersistenceExtension Persistence { get; }

    public TestProbe Probe { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<PersistentNode> StartSqliteAsync(string dir, Func<PersistenceSetup, PersistenceSetup>? adjust = null)
    {
        var setup = await PersistenceStores.OpenSqliteAsync(new SqliteJournalOptions { DataDirectory = dir, TagPollInterval = TimeSpan.FromMilliseconds(50) }, new SqliteSnapshotStoreOptions { DataDirectory = dir });
        return Start(setup, adjust);
    }

    public static PersistentNode Start(PersistenceSetup setup, Func<PersistenceSetup, PersistenceSetup>? adjust = null)
    {
        setup = setup with { Serializer = TestTypes.Register(new PersistenceSerializer()) };
        return new PersistentNode(adjust?.Invoke(setup) ?? setup, "persist");
    }

    public IActorRef Spawn(string pid, string? name = null) =>
        System.ActorOf(Props.Create(() => new TestPersistentActor(pid, Probe.Ref)), name ?? pid);

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        _loggerFactory.Dispose();
    }
}
