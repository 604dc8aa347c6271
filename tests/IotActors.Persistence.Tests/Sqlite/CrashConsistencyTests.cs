using System.Text;
using System.Text.RegularExpressions;
using IotActors.Persistence.Sqlite;
using IotActors.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace IotActors.Persistence.Tests.Sqlite;

public sealed partial class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private const int Trials = 20;
    private const int Pids = 8;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Every_acknowledged_event_survives_sigkill_and_sequence_numbers_stay_contiguous()
    {
        var random = new Random(20261121);
        var acked = new Dictionary<string, long>();
        long totalAcks = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var killAfter = TimeSpan.FromMilliseconds(random.Next(0, 120));
            var lines = await CrashWriterProcess.RunAndKillAsync(killAfter, _dir.Path, CrashWriterProcess.Count(Pids));
            foreach (var line in lines)
            {
                var m = AckLine().Match(line);
                if (m.Success)
                {
                    var pid = m.Groups[1].Value;
                    var seq = long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    acked[pid] = Math.Max(acked.GetValueOrDefault(pid), seq);
                    totalAcks++;
                }
            }

            await VerifyAsync(acked, trial);
        }

        output.WriteLine($"{Trials} kills, {totalAcks} acknowledged events, highest per pid: {string.Join(", ", acked.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}");
        totalAcks.Should().BeGreaterThan(0, "the writer must have acknowledged events before being killed");
    }

    private async Task VerifyAsync(Dictionary<string, long> acked, int trial)
    {
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions { DataDirectory = _dir.Path });
        for (var i = 0; i < Pids; i++)
        {
            var pid = $"crash-{i}";
            var events = await journal.ReplayAsync(pid, 1, long.MaxValue, long.MaxValue).ToListAsync();
            events.Select(e => e.SequenceNr).Should().Equal(
                Enumerable.Range(1, events.Count).Select(s => (long)s), $"trial {trial}: {pid} must be contiguous from 1 without duplicates");
            events.Count.Should().BeGreaterThanOrEqualTo((int)acked.GetValueOrDefault(pid), $"trial {trial}: every acknowledged event of {pid} must be present");
            foreach (var e in events)
            {
                Encoding.UTF8.GetString(e.Payload).Should().Be($"{pid}:{e.SequenceNr}");
            }
        }
    }

    [GeneratedRegex(@"^ack (crash-\d+) (\d+) \.$")]
    private static partial Regex AckLine();
}
