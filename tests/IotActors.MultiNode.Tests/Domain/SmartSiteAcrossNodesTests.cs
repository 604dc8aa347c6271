using System.Diagnostics;
using System.Text.Json.Nodes;
using IotActors.MultiNode.Tests.Cluster;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Domain;

/// <summary>The smart site across real node processes: sensor, controller and actuator on different nodes, failures, role policy and replicated state.</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class SmartSiteAcrossNodesTests(ITestOutputHelper output)
{
    private const string Sensor = "[ { id = t1, kind = simulated-temperature, period = 400ms, target = 20 } ]";
    private const string Fan = "[ { id = fan-1, kind = virtual-fan } ]";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Fan_on_node_C_turns_on_within_1_s_of_a_reading_above_25_on_node_A_decided_on_node_B_and_off_below_24_5() =>
        MultiNodeCluster.RunAsync(output, DomainCluster.Options(), async cluster =>
        {
            var (a, b, c) = await StartThreeAsync(cluster);
            using var apiA = new NodeApi(a);
            using var apiB = new NodeApi(b);

            var on = await DriveAndMeasureAsync(apiB, apiA, c, target: 26.0, expectLine: "Fan ON (fan-1)");
            var off = await DriveAndMeasureAsync(apiB, apiA, c, target: 24.0, expectLine: "Fan OFF (fan-1)");

            output.WriteLine($"reading above 25 (source time) -> Fan ON on node C: {on.TotalMilliseconds:0} ms; below 24.5 -> Fan OFF: {off.TotalMilliseconds:0} ms");
            on.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
            off.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
            c.Log.Lines.Count(l => l.Text.Contains("Fan ON (fan-1)", StringComparison.Ordinal)).Should().Be(1, "no flapping");
        });

    [Fact]
    public Task Killing_the_controller_node_puts_the_fan_into_its_fail_safe_after_the_staleness_timeout() =>
        MultiNodeCluster.RunAsync(output, DomainCluster.Options(), async cluster =>
        {
            var (a, b, c) = await StartThreeAsync(cluster);
            using var apiA = new NodeApi(a);
            await DriveAndMeasureAsync(new NodeApi(b), apiA, c, target: 26.0, expectLine: "Fan ON (fan-1)");
            long mark = c.Log.Position;

            var clock = Stopwatch.StartNew();
            await b.KillAsync();
            await c.WaitForLogAsync("applying fail-safe active=False", Step, after: mark);
            var failSafeAt = clock.Elapsed;
            await c.WaitForLogAsync("Fan OFF (fan-1)", TimeSpan.FromSeconds(5), after: mark);

            output.WriteLine($"controller killed -> fail-safe idle on node C after {failSafeAt.TotalMilliseconds:0} ms (stale-after 3 s)");
            failSafeAt.Should().BeGreaterThan(TimeSpan.FromSeconds(2), "the actuator waits for the staleness timeout");
            failSafeAt.Should().BeLessThan(ClusterChecks.Dilated(TimeSpan.FromSeconds(10)));
            await MultiNodeCluster.WaitUntilAsync(async () => (await apiA.TryDeviceAsync("fan-1"))?["active"]?.GetValue<bool>() == false, Step,
                "node A's site view shows the fan idle");
        });

    [Fact]
    public Task A_sensor_only_node_commanding_the_fan_is_refused_by_the_actuator_node_and_audited_there() =>
        MultiNodeCluster.RunAsync(output, DomainCluster.Options(), async cluster =>
        {
            var c = DomainCluster.Add(cluster, "c", "actuator, dashboard", Fan);
            var s = DomainCluster.Add(cluster, "s", "sensor");
            await DomainCluster.StartAllUpAsync([c, s]);
            using var apiC = new NodeApi(c);
            using var apiS = new NodeApi(s);
            await MultiNodeCluster.WaitUntilAsync(async () => await apiS.TryDeviceAsync("fan-1") is not null, Step, "the sensor node sees fan-1");
            long mark = c.Log.Position;

            var (status, body) = await apiS.PostAsync("api/devices/fan-1/commands", new { active = true });

            output.WriteLine($"sensor node's API answered {status}: {body}");
            status.Should().NotBe(202, "the actuator never accepts a command from a sensor-only node");
            var refused = await c.WaitForLogAsync("refused home.OperatorCommand from", Step, after: mark);
            refused.Text.Should().Contain("sensor");
            await MultiNodeCluster.WaitUntilAsync(async () =>
            {
                var audit = await apiC.GetAsync("api/audit");
                return audit.ToJsonString().Contains("role policy: home.OperatorCommand is not allowed from roles [sensor]", StringComparison.Ordinal);
            }, Step, "node C's audit log (GET /api/audit) has the refusal");
            (await apiC.TryDeviceAsync("fan-1"))!["active"]!.GetValue<bool>().Should().BeFalse();
            c.Log.Contains("Fan ON (fan-1)").Should().BeFalse();
        });

    [Fact]
    public Task Five_sensor_nodes_update_the_site_state_and_every_node_lists_the_same_devices() =>
        MultiNodeCluster.RunAsync(output, DomainCluster.Options(), async cluster =>
        {
            var nodes = Enumerable.Range(1, 5)
                .Select(i => DomainCluster.Add(cluster, $"n{i}", "sensor, dashboard", $"[ {{ id = s{i}, kind = simulated-temperature, period = 3s }} ]"))
                .ToList();
            await DomainCluster.StartAllUpAsync(nodes);
            var apis = nodes.Select(n => new NodeApi(n)).ToList();
            try
            {
                string[] last = [];
                try
                {
                    await MultiNodeCluster.WaitUntilAsync(async () =>
                    {
                        last = (await Task.WhenAll(apis.Select(a => a.TryGetTextAsync("api/devices")))).Select(t => t ?? "").ToArray();
                        return last.All(t => t.Length > 0 && JsonNode.Parse(t)!.AsArray().Count == 5) && last.Distinct().Count() == 1;
                    }, Step, "GET /api/devices is the same 5 sensors on all 5 nodes", TimeSpan.FromMilliseconds(200));
                }
                catch
                {
                    for (int i = 0; i < last.Length; i++) output.WriteLine($"{nodes[i].Name}: {last[i]}");
                    throw;
                }

                var devices = JsonNode.Parse(last[0])!.AsArray();
                devices.Select(d => d!["id"]!.GetValue<string>()).Should().Equal("s1", "s2", "s3", "s4", "s5");
                devices.Select(d => d!["ownerNode"]!.GetValue<string>()).Should().Equal(nodes.Select(n => n.RemoteAddress));
                output.WriteLine(last[0]);
            }
            finally
            {
                apis.ForEach(a => a.Dispose());
            }
        });

    private static async Task<(ClusterNode A, ClusterNode B, ClusterNode C)> StartThreeAsync(MultiNodeCluster cluster)
    {
        var a = DomainCluster.Add(cluster, "a", "sensor, dashboard", Sensor);
        var b = DomainCluster.Add(cluster, "b", "controller, dashboard");
        var c = DomainCluster.Add(cluster, "c", "actuator, dashboard", Fan);
        await DomainCluster.StartAllUpAsync([a, b, c]);
        using var apiB = new NodeApi(b);
        await MultiNodeCluster.WaitUntilAsync(async () =>
            (await apiB.TryDeviceAsync("fan-1"))?["active"]?.GetValue<bool>() == false && (await apiB.TryDeviceAsync("t1"))?["health"]?.GetValue<string>() == "online",
            Step, "node B sees t1 online and fan-1 idle");
        return (a, b, c);
    }

    /// <summary>Sets t1's target through <paramref name="via"/>'s API (routed to node A), finds the first reading at that value on node A and returns its source time to the fan line on node C.</summary>
    private static async Task<TimeSpan> DriveAndMeasureAsync(NodeApi via, NodeApi owner, ClusterNode actuatorNode, double target, string expectLine)
    {
        long mark = actuatorNode.Log.Position;
        long before = 0;
        await MultiNodeCluster.WaitUntilAsync(async () =>
        {
            var t1 = await owner.TryDeviceAsync("t1");
            if (t1?["metric"]?.GetValue<string>() != "temperature") return false;
            before = t1["sequenceNr"]!.GetValue<long>();
            return true;
        }, Step, "node A shows a temperature reading of t1", TimeSpan.FromMilliseconds(10));
        var (status, body) = await via.PostAsync("api/devices/t1/simulate", new { target });
        status.Should().Be(200, body);

        // t1 reports temperature and humidity; the site state shows the latest of either, so only temperature readings count.
        DateTimeOffset? sourceTime = null;
        await MultiNodeCluster.WaitUntilAsync(async () =>
        {
            var t1 = await owner.TryDeviceAsync("t1");
            if (t1?["metric"]?.GetValue<string>() != "temperature") return false;
            long seq = t1["sequenceNr"]!.GetValue<long>();
            if (t1["value"]!.GetValue<double>() == target && seq > before)
            {
                sourceTime ??= t1["time"]!.GetValue<DateTimeOffset>();
                return true;
            }

            if (t1["value"]!.GetValue<double>() != target) before = Math.Max(before, seq);
            return false;
        }, Step, $"node A publishes a temperature reading of {target} (after one of another value)", TimeSpan.FromMilliseconds(10));

        var line = await actuatorNode.WaitForLogAsync(expectLine, Step, after: mark);
        return NodeApi.LogTime(line.Text) - sourceTime!.Value;
    }
}
