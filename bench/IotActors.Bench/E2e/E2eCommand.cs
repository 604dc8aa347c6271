using System.Diagnostics;
using System.Globalization;
using IotActors.Bench.Gateway;
using IotActors.Bench.NodeRuntime;

namespace IotActors.Bench.E2e;

/// <summary>
/// <c>e2e --nodes 3 --seconds 20 [--rate 1000]</c>: readings into node A's TCP gateway, rules on node B, the fan on node C
/// (real node processes on loopback); latency from each toggling reading's source time to the fan's StateChanged, and
/// readings/s written to history. <c>e2e --nodes 1 --rate max</c> measures the sustained rate of one node's pipeline.
/// </summary>
internal sealed class E2eCommand : IBenchCommand
{
    private static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(120);

    public string Name => "e2e";

    public string Usage => E2eOptions.Usage;

    public async Task<int> RunAsync(string[] args)
    {
        var options = E2eOptions.Parse(args);
        var loadBefore = LoadAverage();
        await using var site = await E2eSite.StartAsync(options.Nodes);
        try
        {
            return await MeasureAsync(site, options, loadBefore);
        }
        catch
        {
            Console.Error.WriteLine(site.LogTails());
            throw;
        }
    }

    private static async Task<int> MeasureAsync(E2eSite site, E2eOptions options, string loadBefore)
    {
        using var streamHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        streamHttp.DefaultRequestHeaders.Authorization = site.Http.DefaultRequestHeaders.Authorization;
        using var listening = new CancellationTokenSource();
        var states = new StateEventStream();
        var reading = await states.OpenAsync(streamHttp, new Uri(site.StateNode.ApiBaseUri, "api/events"), E2eSite.Fan, listening.Token);

        // Prime the path (gateway -> sensor -> pub-sub -> controller -> registry -> actuator) with one toggle each way.
        foreach (var (value, active) in new[] { (26.0, true), (24.0, false) })
        {
            await ReadingFeeder.SendOneAsync(site.GatewayEndPoint, value);
            await E2eSite.WaitAsync(async () => (await site.TryGetAsync(site.StateNode, $"api/devices/{E2eSite.Fan}"))?["active"]?.GetValue<bool>() == active,
                TimeSpan.FromSeconds(30), $"a reading of {value} switching {E2eSite.Fan} to active={active}");
        }

        var v0 = (await site.TryGetAsync(site.StateNode, $"api/devices/{E2eSite.Fan}"))!["version"]!.GetValue<long>();
        var feeder = new ReadingFeeder(site.GatewayEndPoint, options);
        using var stopFeeding = new CancellationTokenSource();
        var feeding = feeder.RunAsync(stopFeeding.Token);
        var warmup = options.WarmupSeconds is { } fixedWarmup
            ? await FixedWarmupAsync(TimeSpan.FromSeconds(fixedWarmup))
            : await JitSettling.WaitAsync(site.Nodes, min: TimeSpan.FromSeconds(3), max: MaxWarmup, poll: TimeSpan.FromSeconds(2));

        var jitBefore = await JitSettling.SampleAsync(site.Nodes);
        var before = await SampleAsync(site, feeder);
        var from = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        var after = await SampleAsync(site, feeder);
        var jitAfter = await JitSettling.SampleAsync(site.Nodes);
        var elapsed = clock.Elapsed.TotalSeconds;
        var until = DateTimeOffset.UtcNow;
        await stopFeeding.CancelAsync();
        await feeding;

        // Let the pipeline drain (state changes of the last readings, queued history writes).
        var drain = Stopwatch.StartNew();
        long expectedTransitions = feeder.ToggleBlocks;
        long finalVersion = v0;
        while (drain.Elapsed < TimeSpan.FromSeconds(10))
        {
            finalVersion = (await site.TryGetAsync(site.StateNode, $"api/devices/{E2eSite.Fan}"))?["version"]?.GetValue<long>() ?? finalVersion;
            if (finalVersion - v0 >= expectedTransitions) { break; }
            await Task.Delay(100);
        }
        var drained = drain.Elapsed.TotalSeconds;
        var historyAfterDrain = HistoryRows.Count(site.HistoryDb);
        var loadAfter = LoadAverage();
        await listening.CancelAsync();
        await reading;

        // Transition number n (since the actuator started) = site version n + 1; the feed's block b switched transition v0 + b.
        long mismatched = 0;
        var changed = new List<double>();
        foreach (var t in ActuatorLog.Read(site.StateNode.Log.FilePath, E2eSite.Fan).Where(t => t.Number >= v0))
        {
            long block = t.Number - v0;
            if (t.Active != (block % 2 == 0)) { mismatched++; continue; }
            if (feeder.ToggleTime(block) is not { } sent || sent < from || sent > until) { continue; }
            changed.Add((t.At - sent).TotalMilliseconds);
        }

        // The controller logs each decision, so the path splits into sample -> decision (gateway, sensor, pub-sub hop, rule)
        // and decision -> StateChanged (registry-resolved command hop, actuator persist).
        var toDecision = new List<double>();
        var decisionToState = new List<double>();
        var decisions = ActuatorLog.Decisions(site.ControllerNode.Log.FilePath, E2eSite.Rule, E2eSite.Fan);
        var transitions = ActuatorLog.Read(site.StateNode.Log.FilePath, E2eSite.Fan).ToDictionary(t => t.Number);
        var first = decisions.FirstOrDefault(d => d.Active && feeder.ToggleTime(0) is { } s0 && d.At >= s0.AddMilliseconds(-1));
        for (int i = first is null ? decisions.Count : (int)first.Number - 1; i < decisions.Count; i++)
        {
            long block = decisions[i].Number - first!.Number;
            if (decisions[i].Active != (block % 2 == 0) || feeder.ToggleTime(block) is not { } sent || sent < from || sent > until) { continue; }
            toDecision.Add((decisions[i].At - sent).TotalMilliseconds);
            if (transitions.TryGetValue(v0 + block, out var t)) { decisionToState.Add((t.At - decisions[i].At).TotalMilliseconds); }
        }

        var events = states.Snapshot().Where(e => e.Version > v0).ToList();
        var seenOnStream = new List<double>();
        foreach (var e in events)
        {
            long block = e.Version - v0 - 1;
            if (e.Active != (block % 2 == 0)) { mismatched++; continue; }
            if (feeder.ToggleTime(block) is not { } sent || sent < from || sent > until) { continue; }
            seenOnStream.Add((e.ReceivedAt - sent).TotalMilliseconds);
        }

        long finalTransitions = finalVersion - v0;
        var latency = new LatencySummary(changed);
        var streamLatency = new LatencySummary(seenOnStream);
        double Rate(double a, double b) => (b - a) / elapsed;
        var rate = options.Rate is { } r ? r.ToString(CultureInfo.InvariantCulture) : "max";
        var roles = options.Nodes == 1 ? "1 node (all roles)" : "3 nodes: A sensor+gateway, B controller, C actuator+dashboard";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e2e: {roles}; loopback; TCP JSON-lines gateway on {site.FeedNode.Name}; rate={rate}/s toggle-every={options.ToggleEvery} devices={options.Devices} connections={options.Connections}"));
        Console.WriteLine($"loadavg before: {loadBefore}; after: {loadAfter} ({Environment.ProcessorCount} cores)");
        var warmupText = options.WarmupSeconds is null
            ? string.Create(CultureInfo.InvariantCulture, $"{warmup.Took.TotalSeconds:F0} s warm-up ({(warmup.Settled ? "until the JIT settled" : $"JIT still busy at the {MaxWarmup.TotalSeconds:F0} s cap")})")
            : $"{options.WarmupSeconds} s warm-up (fixed)";
        Console.WriteLine($"JIT time during the measurement: {JitSettling.Describe(site.Nodes, jitBefore, jitAfter)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {elapsed:F1} s after {warmupText}; node cpu % of a core: {string.Join(", ", site.Nodes.Select((n, i) => $"{n.Name}={100.0 * (after.Cpu[i] - before.Cpu[i]) / ProcStat.TicksPerSecond / elapsed:F0}"))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {after.Sent - before.Sent} lines ({Rate(before.Sent, after.Sent):F0}/s offered); gateway errors {feeder.Errors}{(feeder.FirstError is { } fe ? $" (first: {fe})" : "")}; history dropped {after.HistoryDropped - before.HistoryDropped}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway accepted: {Rate(before.Gateway, after.Gateway):F0}/s; history written: {Rate(before.History, after.History):F0}/s (+{historyAfterDrain - after.History} rows in {drained:F1} s drain)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fan transitions: {finalTransitions} of {expectedTransitions} toggling readings sent; {mismatched} out of step; {events.Count} state events on {site.StateNode.Name}'s /api/events (the site view coalesces), stream dropped {states.Dropped}"));
        Console.WriteLine($"sample -> seen on {site.StateNode.Name}'s /api/events: {streamLatency.Describe()}");
        Console.WriteLine($"  sample -> rule decision ({site.ControllerNode.Name}'s log): {new LatencySummary(toDecision).Describe()}");
        Console.WriteLine($"  rule decision -> StateChanged: {new LatencySummary(decisionToState).Describe()}");
        Console.WriteLine($"sample -> StateChanged ({site.StateNode.Name}'s log, 1 ms resolution): {latency.Describe()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e2e-throughput: {Rate(before.History, after.History):F0} readings/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e2e-p99: {latency.P(0.99):F2} ms"));
        return latency.Count > 0 && mismatched == 0 ? 0 : 1;
    }

    private static async Task<(TimeSpan Took, bool Settled)> FixedWarmupAsync(TimeSpan warmup)
    {
        await Task.Delay(warmup);
        return (warmup, false);
    }

    private sealed record Sample(long Sent, double Gateway, long History, double HistoryDropped, long[] Cpu);

    private static async Task<Sample> SampleAsync(E2eSite site, ReadingFeeder feeder) => new(
        feeder.Sent,
        await site.ReadMetricAsync(site.FeedNode, "iotactors_gateway_readings_total"),
        HistoryRows.Count(site.HistoryDb),
        await site.ReadMetricAsync(site.FeedNode, "iotactors_history_dropped_total"),
        [.. site.Nodes.Select(n => ProcStat.CpuTicks(n.Pid!.Value))]);

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
