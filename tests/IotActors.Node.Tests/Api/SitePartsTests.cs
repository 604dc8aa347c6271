using System.Text.Json;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.Home.Site;
using IotActors.Hosting;
using IotActors.Node.Api;
using IotActors.Node.Api.Ingest;
using IotActors.Node.Api.Metrics;
using IotActors.TestKit;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Tests.Api;

public sealed class SitePartsTests
{
    private static readonly Principal Ops = new("otto", "operator");

    [Fact]
    public void Slow_subscriber_drops_oldest_and_counts_while_others_get_everything()
    {
        var hub = new SiteEventHub();
        using ISiteSubscription slow = hub.Subscribe(capacity: 2);
        using ISiteSubscription fast = hub.Subscribe(capacity: 100);
        for (int i = 1; i <= 5; i++) hub.Publish(new ReadingEvent(new Reading("t", "temperature", "C", i, i, DateTimeOffset.UnixEpoch)));

        slow.Dropped.Should().Be(3);
        hub.DroppedTotal.Should().Be(3);
        slow.Reader.TryRead(out SiteEvent? first).Should().BeTrue();
        ((ReadingEvent)first!).Reading.Value.Should().Be(4, "the oldest events were dropped");
        fast.Dropped.Should().Be(0);
        fast.Reader.Count.Should().Be(5);
        slow.Dispose();
        hub.SubscriberCount.Should().Be(1);
    }

    [Fact]
    public async Task InMemorySite_commands_are_idempotent_and_publish_one_state_change()
    {
        var site = new InMemorySite(new ManualTimeProvider(), "iot://x@n");
        site.RegisterDevice("fan", DeviceKind.Actuator);
        using ISiteSubscription events = site.Subscribe();
        (await site.SendCommandAsync("fan", true, Ops)).Status.Should().Be(CommandStatus.Accepted);
        (await site.SendCommandAsync("fan", true, Ops)).Status.Should().Be(CommandStatus.Accepted);
        events.Reader.Count.Should().Be(1);
        (await site.SendCommandAsync("nope", true, Ops)).Status.Should().Be(CommandStatus.UnknownDevice);
        site.RecordReading("t1", "temperature", "C", 20);
        (await site.SendCommandAsync("t1", true, Ops)).Status.Should().Be(CommandStatus.NotAnActuator);
    }

    [Fact]
    public async Task InMemorySite_health_follows_the_clock_and_rules_report_conflicts()
    {
        var time = new ManualTimeProvider();
        var site = new InMemorySite(time, "iot://x@n");
        site.RecordReading("t1", "temperature", "C", 20);
        (await site.GetDeviceAsync("t1"))!.Health.Should().Be(DeviceHealth.Online);
        time.Advance(TimeSpan.FromMinutes(2));
        (await site.GetDeviceAsync("t1"))!.Health.Should().Be(DeviceHealth.Stale);
        time.Advance(TimeSpan.FromMinutes(5));
        (await site.GetDeviceAsync("t1"))!.Health.Should().Be(DeviceHealth.Offline);

        var rule = new RuleDefinition("r1", "fan", ["t1"], "temperature", AggregateKind.Avg, 25, 24);
        (await site.AddRuleAsync(rule, Ops)).Status.Should().Be(RuleChangeStatus.Applied);
        (await site.AddRuleAsync(rule, Ops)).Status.Should().Be(RuleChangeStatus.Conflict);
        (await site.AddRuleAsync(rule with { Id = "r2" }, Ops)).Status.Should().Be(RuleChangeStatus.Conflict);
        (await site.AddRuleAsync(rule with { Id = "r3", ActuatorId = "heater", OffBelow = 30 }, Ops)).Status.Should().Be(RuleChangeStatus.Invalid);
        (await site.RemoveRuleAsync("r9", Ops)).Status.Should().Be(RuleChangeStatus.NotFound);
    }

    [Fact]
    public void Metrics_render_escaped_labels_and_refuse_duplicates_and_bad_names()
    {
        var registry = new MetricsRegistry();
        MetricCounter counter = registry.Counter("x_total", "help", "reason");
        counter.Inc("a\"b\\c\nd");
        counter.Add(2, "plain");
        registry.Render().Should().Contain("x_total{reason=\"a\\\"b\\\\c\\nd\"} 1\n").And.Contain("x_total{reason=\"plain\"} 2\n").And.Contain("# TYPE x_total counter\n");
        FluentActions.Invoking(() => registry.Gauge("x_total", "again")).Should().Throw<ArgumentException>().WithMessage("*registered already*");
        FluentActions.Invoking(() => registry.Gauge("9bad", "x")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => counter.Inc()).Should().Throw<ArgumentException>().WithMessage("*labels*");
        FluentActions.Invoking(() => counter.Add(-1, "a")).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("""{"temperature":21.5,"humidity":40}""", 2, null)]
    [InlineData("""{"metric":"co2","value":612}""", 1, null)]
    [InlineData("""{"metric":"co2","value":"high"}""", 0, "'value' must be a finite number")]
    [InlineData("""{"temperature":21.5,"timestamp":"yesterday"}""", 0, "'timestamp' must be unix seconds or an ISO 8601 time")]
    [InlineData("""{"timestamp":1772366400}""", 0, "no reading in the body")]
    [InlineData("""[1,2]""", 0, "expected a JSON object")]
    public void Ingest_parser_accepts_both_shapes_and_names_bad_fields(string json, int readings, string? error)
    {
        var (parsed, problem) = IngestParser.ParseObject(JsonDocument.Parse(json).RootElement, "esp-1", "http:127.0.0.1", DateTimeOffset.UnixEpoch);
        parsed.Should().HaveCount(readings);
        if (error is null) problem.Should().BeNull();
        else problem.Should().StartWith(error);
    }

    [Fact]
    public void Api_options_read_ingest_and_event_settings_with_bounds()
    {
        var node = new NodeOptions { Roles = ["api"] };
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["iotactors:api:ingest:burst"] = "3", ["iotactors:api:ingest:rate"] = "0.5", ["iotactors:api:events:heartbeat"] = "2s",
        }).Build();
        ApiOptions options = ApiOptions.From(config, node);
        options.IngestBurst.Should().Be(3);
        options.IngestRatePerSecond.Should().Be(0.5);
        options.EventsHeartbeat.Should().Be(TimeSpan.FromSeconds(2));
        options.EventsBuffer.Should().Be(256);

        IConfiguration bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["iotactors:api:ingest:max-batch"] = "0" }).Build();
        FluentActions.Invoking(() => ApiOptions.From(bad, node)).Should().Throw<InvalidSettingException>().Which.Key.Should().Be("iotactors.api.ingest.max-batch");
    }
}
