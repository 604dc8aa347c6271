using System.Globalization;
using System.Text.RegularExpressions;
using IotActors.Actors;
using IotActors.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace IotActors.Persistence.Tests.Actors;

/// <summary>The crash writer's event and snapshot, mirrored by shape: stored data carries manifests, never CLR type names.</summary>
public sealed record CrashIncremented(long Value);

public sealed record CrashCounterSnapshot(IReadOnlyList<long> Values);

public sealed record CounterRecovered(string PersistenceId, IReadOnlyList<long> Values, long SnapshotSequenceNr);

public sealed class CounterReader : ReceivePersistentActor
{
    private readonly List<long> _values = [];
    private long _snapshotSeq;

    public CounterReader(string persistenceId, IActorRef probe)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(s =>
        {
            _snapshotSeq = s.Metadata.SequenceNr;
            _values.AddRange(((CrashCounterSnapshot)s.Snapshot).Values);
        });
        Recover<CrashIncremented>(e => _values.Add(e.Value));
        Recover<RecoveryCompleted>(_ => probe.Tell(new CounterRecovered(PersistenceId, [.. _values], _snapshotSeq)));
    }

    public override string PersistenceId { get; }
}

public sealed partial class ActorCrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Trials = 6;
    private const int Actors = 4;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Restart_of_a_persistent_actor_recovers_its_state_from_snapshot_and_events_across_a_real_process_restart()
    {
        var random = new Random(20261122);
        var acked = new Dictionary<string, long>();
        var fromSnapshot = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var lines = await CrashWriterProcess.RunAndKillAsync(TimeSpan.FromMilliseconds(random.Next(20, 250)), "--actors", _dir.Path, CrashWriterProcess.Count(Actors));
            foreach (var line in lines)
            {
                if (AckLine().Match(line) is { Success: true } m)
                {
                    var value = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                    acked[m.Groups[1].Value] = Math.Max(acked.GetValueOrDefault(m.Groups[1].Value), value);
                }
            }

            await using var node = await PersistentNode.StartSqliteAsync(_dir.Path, s => s with
            {
                Serializer = new PersistenceSerializer().Register<CrashIncremented>("crash.incremented.v1").Register<CrashCounterSnapshot>("crash.counter-snapshot.v1"),
            });
            for (var i = 0; i < Actors; i++)
            {
                var pid = $"counter-{i}";
                node.System.ActorOf(Props.Create(() => new CounterReader(pid, node.Probe.Ref)), pid);
            }

            foreach (var recovered in node.Probe.ReceiveN(Actors, TimeSpan.FromSeconds(20)).Cast<CounterRecovered>())
            {
                recovered.Values.Should().Equal(
                    Enumerable.Range(1, recovered.Values.Count).Select(v => (long)v),
                    $"trial {trial}: {recovered.PersistenceId} must hold 1..n with no gap or duplicate, each value derived from the recovered state");
                recovered.Values.Count.Should().BeGreaterThanOrEqualTo((int)acked.GetValueOrDefault(recovered.PersistenceId), $"trial {trial}: every acknowledged event of {recovered.PersistenceId} must be recovered");
                fromSnapshot += recovered.SnapshotSequenceNr > 0 ? 1 : 0;
            }
        }

        output.WriteLine($"{Trials} kills; highest acknowledged: {string.Join(", ", acked.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}; recoveries from a snapshot: {fromSnapshot}");
        acked.Should().HaveCount(Actors, "every actor must have acknowledged events before a kill");
        fromSnapshot.Should().BeGreaterThan(0, "with a snapshot every 25 events some recoveries must start from a snapshot");
    }

    [GeneratedRegex(@"^ack (counter-\d+) (\d+) \.$")]
    private static partial Regex AckLine();
}
