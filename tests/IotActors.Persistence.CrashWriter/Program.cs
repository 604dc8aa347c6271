// Crash-consistency helper: writes events to a SQLite journal as fast as it can from several concurrent
// writers (one per persistence id, each write awaited before the next) and prints "ack <pid> <seq> ." after
// each acknowledged write. The test kills this process with SIGKILL at random moments and checks recovery.
// With "--actors" first, it runs persistent actors instead (see CounterActor.cs).
using System.Text;
using IotActors.Persistence;
using IotActors.Persistence.Sqlite;

if (args.Length == 3 && args[0] == "--actors" && int.TryParse(args[2], out var actors) && actors > 0)
{
    return await IotActors.Persistence.CrashWriter.ActorMode.RunAsync(args[1], actors);
}

if (args.Length != 2 || !int.TryParse(args[1], out var pids) || pids < 1)
{
    await Console.Error.WriteLineAsync("usage: IotActors.Persistence.CrashWriter [--actors] <data-directory> <persistence-id-count>");
    return 2;
}

await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions { DataDirectory = args[0] });
var stdout = Console.Out;
var writers = Enumerable.Range(0, pids).Select(async i =>
{
    var pid = $"crash-{i}";
    var seq = await journal.ReadHighestSequenceNrAsync(pid);
    while (true)
    {
        seq++;
        var e = new PersistentRepr(pid, seq, "crash", Encoding.UTF8.GetBytes($"{pid}:{seq}"));
        await journal.WriteOneAsync(new AtomicWrite(e));
        lock (stdout)
        {
            stdout.Write($"ack {pid} {seq} .\n");
            stdout.Flush();
        }
    }
});
await Console.Out.WriteLineAsync("ready");
await Task.WhenAll(writers);
return 0;
