using System.Diagnostics;
using System.Globalization;
using IotActors.Actors;
using IotActors.Persistence;
using IotActors.Persistence.Postgres;
using IotActors.Persistence.Sqlite;
using Npgsql;

namespace IotActors.Bench;

/// <summary>The `persist` bench: durable event rates through PersistentActors (and recovery) on SQLite or PostgreSQL.</summary>
internal sealed class PersistCommand : IBenchCommand
{
    public const string CommandName = "persist";

    private const int RecoveryEvents = 200_000;

    private const string UsageText = "persist --store sqlite|postgres [--actors 100] [--seconds 10] [--synchronous full|normal]";

    public string Name => CommandName;

    public string Usage => UsageText;

    public async Task<int> RunAsync(string[] args)
    {
        if (!PersistBenchArgs.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\nusage: {UsageText}");
            return 2;
        }

        var dir = Path.Combine(Path.GetTempPath(), "iotactors-bench-" + Guid.NewGuid().ToString("N"));
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        var pg = Environment.GetEnvironmentVariable("IOTACTORS_TEST_PG") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Username=iotactors;Password=iotactors;Database=iotactors_test";
        Task<PersistenceSetup> Open() => options.Store == "sqlite"
            ? PersistenceStores.OpenSqliteAsync(new SqliteJournalOptions { DataDirectory = dir, Synchronous = options.Synchronous }, new SqliteSnapshotStoreOptions { DataDirectory = dir, Synchronous = options.Synchronous })
            : PersistenceStores.OpenPostgresAsync(new PostgresJournalOptions { ConnectionString = pg, Schema = schema }, new PostgresSnapshotStoreOptions { ConnectionString = pg, Schema = schema });

        try
        {
            Console.WriteLine(options.Store == "sqlite" ? $"store: sqlite {dir} synchronous={options.Synchronous}" : $"store: postgres schema {schema}");
            long concurrent;
            await using (var system = await StartAsync(Open))
            {
                var single = await PersistSequentiallyAsync(system, 1, "single", TimeSpan.FromSeconds(Math.Max(1, options.Seconds / 2.0)));
                Report("single actor sequential Persist", single.Events, single.Elapsed);
                var many = await PersistSequentiallyAsync(system, options.Actors, "actor", TimeSpan.FromSeconds(options.Seconds));
                concurrent = (long)(many.Events / many.Elapsed.TotalSeconds);
                Report($"{options.Actors} actors each persisting sequentially", many.Events, many.Elapsed);
                await SeedAsync(PersistenceExtension.Get(system), "recover-1", RecoveryEvents);
            }

            await using (var system = await StartAsync(Open))
            {
                // The first pass reads a cold file through freshly jitted code; the second is the steady rate.
                foreach (var pass in new[] { "cold", "warm" })
                {
                    var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                    var sw = Stopwatch.StartNew();
                    system.ActorOf(Props.Create(() => new RecoveringActor("recover-1", done)), "recover-" + pass);
                    var replayed = await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
                    Report($"recovery {pass} (one actor, {RecoveryEvents} events)", replayed, sw.Elapsed);
                }
            }

            Console.WriteLine($"persist-{options.Actors}: {concurrent} events/s");
            return 0;
        }
        finally
        {
            if (options.Store == "sqlite")
            {
                Directory.Delete(dir, recursive: true);
            }
            else
            {
                await using var dataSource = NpgsqlDataSource.Create(pg);
                await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<ActorSystem> StartAsync(Func<Task<PersistenceSetup>> open)
    {
        var setup = await open();
        var system = ActorSystem.Create("bench");
        PersistenceExtension.Register(system, setup with { Serializer = new PersistenceSerializer().Register<BenchEvent>("bench.event.v1") });
        return system;
    }

    private static void Report(string what, long events, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {events} events in {elapsed.TotalSeconds:F2} s = {events / elapsed.TotalSeconds:F0} events/s"));

    private static async Task<(long Events, TimeSpan Elapsed)> PersistSequentiallyAsync(ActorSystem system, int actors, string prefix, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var done = Enumerable.Range(0, actors).Select(_ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (var i = 0; i < actors; i++)
        {
            var pid = $"{prefix}-{i}";
            var tcs = done[i];
            system.ActorOf(Props.Create(() => new SequentialPersister(pid, clock, duration, tcs)), pid);
        }

        var counts = await Task.WhenAll(done.Select(d => d.Task));
        return (counts.Sum(), clock.Elapsed);
    }

    private static async Task SeedAsync(PersistenceExtension persistence, string pid, int events)
    {
        const int Chunk = 1000;
        for (var from = 1; from <= events; from += Chunk)
        {
            var batch = Enumerable.Range(from, Math.Min(Chunk, events - from + 1)).Select(n =>
            {
                var (manifest, payload) = persistence.Serializer.Serialize(new BenchEvent(n, "sensor-livingroom-temperature"));
                return new PersistentRepr(pid, n, manifest, payload);
            }).ToList();
            await persistence.Journal.WriteOneAsync(new AtomicWrite(batch));
        }
    }
}
