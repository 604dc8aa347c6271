using System.Diagnostics;
using System.Globalization;
using IotActors.Persistence;
using IotActors.Persistence.Postgres;
using IotActors.Persistence.Sqlite;
using Npgsql;

namespace IotActors.Bench;

/// <summary>The `persist` bench: durable journal write and replay rates for SQLite or PostgreSQL.</summary>
internal sealed class PersistCommand : IBenchCommand
{
    public const string CommandName = "persist";

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
        Task<IJournal> Open() => options.Store == "sqlite"
            ? SqliteJournal.OpenAsync(new SqliteJournalOptions { DataDirectory = dir, Synchronous = options.Synchronous }).ContinueWith(t => (IJournal)t.Result, TaskScheduler.Default)
            : PostgresJournal.OpenAsync(new PostgresJournalOptions { ConnectionString = pg, Schema = schema }).ContinueWith(t => (IJournal)t.Result, TaskScheduler.Default);

        try
        {
            Console.WriteLine(options.Store == "sqlite" ? $"store: sqlite {dir} synchronous={options.Synchronous}" : $"store: postgres schema {schema}");
            long concurrent;
            await using (var journal = await Open())
            {
                var single = await WriteForAsync(journal, 1, "single", TimeSpan.FromSeconds(Math.Max(1, options.Seconds / 2.0)));
                Report("single-writer sequential", single.Events, single.Elapsed);
                var many = await WriteForAsync(journal, options.Actors, "actor", TimeSpan.FromSeconds(options.Seconds));
                concurrent = (long)(many.Events / many.Elapsed.TotalSeconds);
                Report($"concurrent {options.Actors} writers", many.Events, many.Elapsed);
            }

            await using (var journal = await Open())
            {
                // The first pass reads a cold file through freshly jitted code; the second is the steady rate.
                foreach (var pass in new[] { "cold", "warm" })
                {
                    var sw = Stopwatch.StartNew();
                    long replayed = 0;
                    for (var i = 0; i < options.Actors; i++)
                    {
                        replayed += await journal.ReplayAsync($"actor-{i}", 1, long.MaxValue, long.MaxValue, _ => { });
                    }

                    Report($"recovery {pass} (replay of {options.Actors} ids)", replayed, sw.Elapsed);
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

    private static void Report(string what, long events, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {events} events in {elapsed.TotalSeconds:F2} s = {events / elapsed.TotalSeconds:F0} events/s"));

    private static async Task<(long Events, TimeSpan Elapsed)> WriteForAsync(IJournal journal, int writers, string prefix, TimeSpan duration)
    {
        var payload = new byte[64];
        using var stop = new CancellationTokenSource(duration);
        var sw = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var pid = $"{prefix}-{w}";
            long seq = 0;
            while (!stop.IsCancellationRequested)
            {
                seq++;
                await journal.WriteOneAsync(new AtomicWrite(new PersistentRepr(pid, seq, "bench", payload)));
            }

            return seq;
        })));
        return (counts.Sum(), sw.Elapsed);
    }
}
