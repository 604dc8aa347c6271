using System.Collections.Concurrent;
using System.Diagnostics;
using IotActors.MultiNode.Tests.Cluster;
using IotActors.MultiNode.Tests.Domain;
using IotActors.TestKit;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>
/// The chaos soak: a 5-node site with simulated devices, gateway traffic and operator commands while a seeded schedule kills,
/// pauses, partitions and degrades a minority of nodes; then everything is healed and the invariants are checked.
/// SOAK_MINUTES (default 3) sets the length, SOAK_SEED replays a run.
/// </summary>
[Trait("Category", "Soak")]
[Collection("multinode-cluster")]
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(120);
    private readonly ConcurrentQueue<string> _violations = new();

    [Fact]
    public async Task Site_under_seeded_chaos_keeps_acknowledged_events_exactly_once_converges_everywhere_and_stays_bounded()
    {
        var settings = SoakSettings.FromEnvironment();
        output.WriteLine($"[soak] seed {settings.Seed}, chaos for {settings.Duration}; {settings.ReplayHint}");
        try
        {
            await MultiNodeCluster.RunAsync(output, DomainCluster.Options() with { ExtraConfig = SoakSite.Config }, c => RunAsync(c, settings));
        }
        catch (Exception e)
        {
            output.WriteLine($"[soak] FAILED with seed {settings.Seed}; {settings.ReplayHint}");
            throw new TestKitAssertionException($"soak failed (seed {settings.Seed}; {settings.ReplayHint}): {e.Message}");
        }
    }

    private async Task RunAsync(MultiNodeCluster cluster, SoakSettings settings)
    {
        if (Harness.Lacks(cluster, MultiNodeCapability.Partitions, output) || Harness.Lacks(cluster, MultiNodeCapability.PacketLoss, output)) return;
        var nodes = SoakSite.Add(cluster);
        await DomainCluster.StartAllUpAsync(nodes);
        var apis = nodes.Select(n => new NodeApi(n)).ToList();
        try
        {
            await MultiNodeCluster.WaitUntilAsync(async () =>
            {
                string? text = await apis[1].TryGetTextAsync("api/devices");
                return text is not null && new[] { "fan-1", "fan-2", "fan-3", "t1", "t2" }.All(id => text.Contains($"\"id\":\"{id}\"", StringComparison.Ordinal));
            }, TimeSpan.FromSeconds(60), "n2 lists every fan and sensor", TimeSpan.FromMilliseconds(200));

            var faults = SoakSchedule.Build(settings.Seed, nodes.Count, settings.Duration);
            output.WriteLine($"[soak] schedule ({faults.Count} faults):\n  " + string.Join("\n  ", faults));
            var runner = new FaultRunner(cluster, nodes, Log);
            var commander = new OperatorCommander(nodes, apis, SoakSite.OperatorFans, settings.Seed + 1);
            var gateways = new GatewayTraffic(nodes[0], nodes[3], settings.Seed + 2);
            var rss = new RssSampler();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            using var stopWatchdog = new CancellationTokenSource();
            var watchdog = WatchAsync(nodes, runner, rss, clock, stopWatchdog.Token);
            var background = Task.WhenAll(commander.RunAsync(stop.Token), gateways.RunAsync(stop.Token));

            await runner.RunAsync(faults, clock, CancellationToken.None);
            var rest = settings.Duration - clock.Elapsed;
            if (rest > TimeSpan.Zero) await Task.Delay(rest);
            await stop.CancelAsync();
            await background;
            Log($"[soak {clock.Elapsed.TotalSeconds:0.0}s] chaos over; healing");
            await runner.HealAllAsync();
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, Converge, "all 5 nodes Up and reachable after healing");

            // The final outcome of each fan: t1 driven below the rule's off threshold, one last operator command per operator fan.
            var expected = new Dictionary<string, bool> { ["fan-1"] = false };
            var random = new Random(settings.Seed + 3);
            await MultiNodeCluster.WaitUntilAsync(() => commander.SimulateAsync(20.0, 1), Converge, "t1's target set to 20 after healing");
            foreach (string fan in SoakSite.OperatorFans)
            {
                bool desired = random.Next(2) == 0;
                expected[fan] = desired;
                await MultiNodeCluster.WaitUntilAsync(async () => (await commander.SendAsync(fan, desired, 1)).Acknowledged, Converge, $"final command {fan}={desired} accepted");
            }

            string[] views = [];
            try
            {
                await MultiNodeCluster.WaitUntilAsync(async () =>
                {
                    views = (await Task.WhenAll(apis.Select(a => a.TryGetTextAsync("api/devices")))).Select(t => t is null ? "" : SoakSite.Projection(t)).ToArray();
                    return views.All(v => v.Length > 0 && SoakSite.Shows(v, expected)) && views.Distinct().Count() == 1;
                }, Converge, "every node's GET /api/devices agrees and shows each fan's final state", TimeSpan.FromMilliseconds(250));
                Log("[soak] replicated site state, identical on all 5 nodes:\n" + views[0]);
            }
            catch (TestKitAssertionException e)
            {
                _violations.Enqueue($"site state did not converge: {e.Message}\n" + string.Join("\n", views.Select((v, i) => $"--- {nodes[i].Name}:\n{v}")));
            }

            await stopWatchdog.CancelAsync();
            await watchdog;
            foreach (string line in nodes.SelectMany(SoakSite.CrashLines)) _violations.Enqueue("crash in log: " + line);
            foreach (string problem in rss.Check(nodes, settings.RssLimitMiB, settings.RssGrowthFactor)) _violations.Enqueue("memory: " + problem);

            var commands = commander.Commands.ToList();
            foreach (var (fan, node) in new[] { ("fan-2", nodes[2]), ("fan-3", nodes[4]) })
            {
                int code = await node.StopAsync();
                if (code != 0) _violations.Enqueue($"{node.Name} exited with {code} after SIGTERM at the end");
                var events = JournalReader.ActuatorEvents(node.DataDirectory, fan);
                Log($"[soak] {fan}: {events.Count} journal events ({events.Count(e => e.FromOperator)} by operators)");
                foreach (string problem in ExactlyOnceCheck.Check(fan, events, commands, expected[fan])) _violations.Enqueue("exactly-once: " + problem);
            }

            Log($"[soak] faults: {string.Join(", ", faults.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}; "
                + $"commands: {commands.Count} sent, {commands.Count(c => c.Acknowledged)} acknowledged ({commands.Count(c => c.AcknowledgedChange)} changes), "
                + $"{commands.Count(c => c.Ambiguous)} unanswered or refused; t1 targets accepted: {commander.AcceptedTargets.Count}; "
                + $"gateway: {gateways.UdpSent} UDP datagrams sent, {gateways.TcpAcked} TCP lines ACKed, {gateways.TcpFailed} TCP lines failed");
            Log("[soak] RSS per node process:\n" + rss.Describe());
            if (!_violations.IsEmpty)
            {
                foreach (var c in commands) Log("  " + c);
                throw new TestKitAssertionException($"{_violations.Count} invariant violations:\n  " + string.Join("\n  ", _violations));
            }
            Log($"[soak] PASSED with seed {settings.Seed} in {clock.Elapsed.TotalSeconds:0} s");
        }
        finally
        {
            apis.ForEach(a => a.Dispose());
        }
    }

    /// <summary>Every second: a node process that exited without the schedule asking for it is a crash (it is recorded and restarted); every 5 s: RSS.</summary>
    private async Task WatchAsync(IReadOnlyList<ClusterNode> nodes, FaultRunner runner, RssSampler rss, Stopwatch clock, CancellationToken stop)
    {
        int tick = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var node in nodes.Where(n => n.State == NodeProcessState.Exited && !runner.ExpectedDown(n)))
            {
                if (runner.ExpectedDown(node) || node.State != NodeProcessState.Exited) continue;
                _violations.Enqueue($"{node.Name} exited unexpectedly with code {node.ExitCode} at {clock.Elapsed.TotalSeconds:0.0}s; restarted it");
                node.Start();
            }
            if (tick++ % 5 == 0) rss.Sample(nodes, clock.Elapsed);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        rss.Sample(nodes, clock.Elapsed);
    }

    private void Log(string message)
    {
        try
        {
            output.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // The test already ended.
        }
    }
}
