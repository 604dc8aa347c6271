using System.Text.Json;
using FluentAssertions;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;
using IotActors.Home.Actors;
using IotActors.Home.Audit;
using IotActors.Home.Configuration;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.TestKit;

namespace IotActors.Home.Tests.Actors;

public sealed class SiteFlowTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("home-flow-").FullName;

    private static HomeOptions FanRule => HomeOptions.Default with
    {
        SensorMinInterval = TimeSpan.Zero,
        Rules = RuleSet.From([new RuleDefinition("fan-auto", "fan-1", ["t1"], "temperature", AggregateKind.Avg, 25.0, 24.5, OnConsecutive: 2)]),
    };

    [Fact]
    public async Task Sensor_validates_stamps_publishes_and_turns_stale_then_offline_on_the_manual_clock()
    {
        var clock = new ManualTimeProvider();
        await using var node = await HomeSystem.StartAsync(_dir, HomeOptions.Default with { SensorMinInterval = TimeSpan.Zero }, ["sensor"], clock);
        var readings = new TestProbe(node.System);
        DistributedPubSub.Get(node.System).Mediator.Tell(new Subscribe(HomeTopics.Readings, readings.Ref), readings.Ref);
        readings.ExpectMsg<SubscribeAck>(timeout: Wait);

        var t0 = clock.GetUtcNow();
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 21.5, t0));
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 500, t0.AddSeconds(1)));
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 22.0, t0.AddSeconds(2)));

        var first = readings.ExpectMsg<Reading>(timeout: Wait);
        first.Should().BeEquivalentTo(new Reading("t1", "temperature", "C", 21.5, 1, t0, node.System.Address.ToString()));
        readings.ExpectMsg<Reading>(r => r.SequenceNr == 2 && r.Value == 22.0, Wait);
        node.Site.Counters.RejectedSamples.Should().Be(1);
        AwaitHealth(node, clock, DeviceHealth.Online);

        clock.Advance(TimeSpan.FromSeconds(31));
        AwaitReportedHealth(node, clock, DeviceHealth.Stale, TimeSpan.FromMilliseconds(20));
        AwaitHealth(node, clock, DeviceHealth.Stale);
        clock.Advance(TimeSpan.FromMinutes(2));

        // The sensor arms its next health timer from the time it read while handling the tick; one big Advance can move the
        // clock on before the timer exists, so step in seconds (health only worsens with silence, so overshooting is safe).
        AwaitReportedHealth(node, clock, DeviceHealth.Offline, TimeSpan.FromSeconds(1));
        AwaitHealth(node, clock, DeviceHealth.Offline);
    }

    [Fact]
    public async Task Site_state_of_a_two_metric_sensor_keeps_its_first_metric_as_primary_and_the_latest_of_each()
    {
        await using var node = await HomeSystem.StartAsync(_dir, HomeOptions.Default with { SensorMinInterval = TimeSpan.Zero }, ["sensor"]);
        var t0 = DateTimeOffset.UtcNow;
        node.Site.Ingest(new IngestSample("dht", "temperature", "C", 21.5, t0));
        node.Site.Ingest(new IngestSample("dht", "humidity", "%", 48, t0));
        node.Site.Ingest(new IngestSample("dht", "temperature", "C", 21.7, t0.AddSeconds(2)));
        node.Site.Ingest(new IngestSample("dht", "humidity", "%", 49, t0.AddSeconds(2)));

        TestKit.TestKit.AwaitAssert(() =>
        {
            var state = node.Site.View.GetDeviceAsync("dht").GetAwaiter().GetResult();
            state.Should().NotBeNull();
            state!.LastReading!.Metric.Should().Be("temperature", "the first metric reported stays the primary one");
            state.LastReading.Value.Should().Be(21.7);
            state.Metrics!.Select(m => (m.Metric, m.Value)).Should().Equal(("humidity", 49.0), ("temperature", 21.7));
        }, Wait, TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task Controller_turns_the_fan_on_after_two_readings_above_25_and_off_below_24_5()
    {
        await using var node = await HomeSystem.StartAsync(_dir, FanRule, ["sensor", "controller", "actuator"]);
        node.Actuator();
        var t0 = DateTimeOffset.UtcNow;
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 25.5, t0));
        node.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 26.0, t0.AddMilliseconds(200)));
        node.AnswerOutput().On.Should().BeTrue();
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 24.8, t0.AddMilliseconds(400)));
        node.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        node.Site.Ingest(new IngestSample("t1", "temperature", "C", 24.0, t0.AddMilliseconds(600)));
        node.AnswerOutput().On.Should().BeFalse();
        TestKit.TestKit.AwaitAssert(() =>
            node.Site.View.GetDeviceAsync("fan-1").GetAwaiter().GetResult()!.Active.Should().BeFalse(), Wait);
        var audit = await node.Audit.QueryAsync(new AuditQuery(Target: "fan-1"));
        audit.Items.Select(i => i.Entry.Outcome).Should().Contain("applied");
    }

    [Fact]
    public async Task Rule_changes_by_admins_apply_and_are_audited_and_others_are_refused()
    {
        await using var node = await HomeSystem.StartAsync(_dir, FanRule, ["controller", "actuator"]);
        var rule = new RuleDefinition("light-auto", "light-1", ["m1"], "motion", AggregateKind.Max, 0.5, 0.4);
        var refused = await node.Site.Commands.AddRuleAsync(rule, new Site.Principal("bob", "operator"));
        refused.Status.Should().Be(Site.RuleChangeStatus.Invalid);
        var applied = await node.Site.Commands.AddRuleAsync(rule, new Site.Principal("alice", "admin"));
        applied.Status.Should().Be(Site.RuleChangeStatus.Applied);
        (await node.Site.View.GetRulesAsync()).Find("light-auto").Should().Be(rule);
        TestKit.TestKit.AwaitAssert(() =>
        {
            var items = node.Audit.QueryAsync(new AuditQuery(Target: "light-auto")).GetAwaiter().GetResult().Items;
            items.Select(i => (i.Entry.Who, i.Entry.Outcome)).Should().Contain([("alice", "applied"), ("bob", "rejected")]);
        }, Wait);
    }

    /// <summary>Waits for the health the sensor itself wrote to the replicated map (the view alone also derives it from the clock).</summary>
    private static void AwaitReportedHealth(HomeSystem node, ManualTimeProvider clock, DeviceHealth expected, TimeSpan step) =>
        TestKit.TestKit.AwaitAssert(() =>
        {
            clock.Advance(step);
            var entry = ReplicatedState.Get(node.System).GetAsync("t1").GetAwaiter().GetResult();
            entry.Should().NotBeNull();
            JsonSerializer.Deserialize(entry!.ValueJson, HomeJsonContext.Wire.SiteDeviceState)!.Health.Should().Be(expected);
        }, Wait, TimeSpan.FromMilliseconds(20));

    private static void AwaitHealth(HomeSystem node, ManualTimeProvider clock, DeviceHealth expected) =>
        TestKit.TestKit.AwaitAssert(() =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            node.Site.View.GetDeviceAsync("t1").GetAwaiter().GetResult()?.Health.Should().Be(expected);
        }, Wait, TimeSpan.FromMilliseconds(20));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
