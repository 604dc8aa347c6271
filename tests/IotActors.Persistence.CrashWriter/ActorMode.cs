using IotActors.Actors;
using IotActors.Persistence.Sqlite;

namespace IotActors.Persistence.CrashWriter;

/// <summary>Runs persistent counter actors over a SQLite journal until the process is killed.</summary>
internal static class ActorMode
{
    public const string EventManifest = "crash.incremented.v1";
    public const string SnapshotManifest = "crash.counter-snapshot.v1";

    public static async Task<int> RunAsync(string dataDirectory, int actors)
    {
        var setup = await PersistenceStores.OpenSqliteAsync(new SqliteJournalOptions { DataDirectory = dataDirectory }, new SqliteSnapshotStoreOptions { DataDirectory = dataDirectory });
        var system = ActorSystem.Create("crash");
        PersistenceExtension.Register(system, setup with
        {
            Serializer = new PersistenceSerializer().Register<Incremented>(EventManifest).Register<CounterSnapshot>(SnapshotManifest),
            SnapshotPolicy = new SnapshotPolicyOptions(SnapshotEvery: 25, KeepSnapshots: 2),
        });
        var stdout = Console.Out;
        for (var i = 0; i < actors; i++)
        {
            var pid = $"counter-{i}";
            system.ActorOf(Props.Create(() => new CounterActor(pid, stdout)), pid);
        }

        await stdout.WriteLineAsync("ready");
        await system.WhenTerminated;
        return 0;
    }
}
