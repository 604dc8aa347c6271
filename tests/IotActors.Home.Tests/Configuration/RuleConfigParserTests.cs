using IotActors.Home.Configuration;
using IotActors.Home.Rules;

namespace IotActors.Home.Tests.Configuration;

public sealed class RuleConfigParserTests
{
    private static RuleSet Parse(TempDir dir, string rules) =>
        RuleConfigParser.Parse(dir.Hocon($"iotactors.home.rules = {rules}").GetSection("iotactors:home:rules"), TimeSpan.FromSeconds(30));

    [Fact]
    public void Example_rule_from_hocon_is_parsed_with_every_field()
    {
        using var dir = new TempDir();
        var set = Parse(dir, """
            [ { id = fan-auto, actuator = fan-1, sensors = [living-room-temp, hall-temp], metric = temperature, aggregate = max,
                on-above = 25.0, off-below = 24.5, consecutive = 2, off-consecutive = 3, min-dwell = 30s, stale-after = 45s } ]
            """);
        set.Rules.Should().ContainSingle().Which.Should().Be(new RuleDefinition(
            "fan-auto", "fan-1", ["living-room-temp", "hall-temp"], "temperature", AggregateKind.Max, 25.0, 24.5, 2, 3,
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45)));
    }

    [Fact]
    public void Omitted_keys_take_their_defaults()
    {
        using var dir = new TempDir();
        var rule = Parse(dir, "[ { id = r, actuator = fan-1, sensors = [t], metric = temperature, on-above = 25, off-below = 24 } ]").Rules.Single();
        (rule.Aggregate, rule.OnConsecutive, rule.OffConsecutive, rule.MinDwell, rule.StaleAfter)
            .Should().Be((AggregateKind.Avg, 1, 1, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Off_below_not_under_on_above_is_reported_naming_the_entry()
    {
        using var dir = new TempDir();
        var act = () => Parse(dir, """
            [ { id = ok, actuator = a1, sensors = [t], metric = temperature, on-above = 25, off-below = 24 },
              { id = fan-auto, actuator = fan-1, sensors = [t], metric = temperature, on-above = 25, off-below = 25 } ]
            """);
        act.Should().Throw<RuleConfigurationException>()
            .Which.Errors.Should().ContainSingle().Which.Should().Contain("iotactors.home.rules[1] (id 'fan-auto')").And.Contain("off-below");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var dir = new TempDir();
        var act = () => Parse(dir, """
            [ { actuator = fan-1, sensors = [t], metric = temperature, on-above = 25, off-below = 24 },
              { id = b, actuator = fan-2, metric = temperature, on-above = hot, off-below = 24, aggregate = median, colour = red },
              { id = c, actuator = fan-3, sensors = [t], metric = temperature, on-above = 25, off-below = 24, consecutive = 0, min-dwell = soon },
              { id = d, actuator = fan-3, sensors = [t], metric = temperature, on-above = 25, off-below = 24 },
              { id = d, actuator = fan-4, sensors = [t], metric = temperature, on-above = 25, off-below = 24 } ]
            """);
        var errors = act.Should().Throw<RuleConfigurationException>().Which.Errors;
        errors.Should().Contain(e => e.StartsWith("iotactors.home.rules[0]:") && e.Contains("missing required key 'id'"));
        errors.Should().Contain(e => e.StartsWith("iotactors.home.rules[1] (id 'b')") && e.Contains("'sensors'"));
        errors.Should().Contain(e => e.StartsWith("iotactors.home.rules[1] (id 'b')") && e.Contains("'on-above'") && e.Contains("'hot'"));
        errors.Should().Contain(e => e.Contains("'aggregate'") && e.Contains("median"));
        errors.Should().Contain(e => e.Contains("unknown key 'colour'"));
        errors.Should().Contain(e => e.StartsWith("iotactors.home.rules[2] (id 'c')") && e.Contains("'consecutive'"));
        errors.Should().Contain(e => e.Contains("'min-dwell'") && e.Contains("soon"));
        errors.Should().Contain(e => e.Contains("id 'd' is used by 2 rules"));
    }

    [Fact]
    public void Empty_rules_give_an_empty_set()
    {
        using var dir = new TempDir();
        Parse(dir, "[]").Count.Should().Be(0);
    }

    [Fact]
    public void Reference_conf_reads_to_the_documented_defaults()
    {
        var file = Path.Combine(TempDir.RepoRoot(), "hocon", "reference.conf");
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder();
        IotActors.Hocon.HoconConfigurationExtensions.AddHoconFile(config, file);
        HomeOptionsReader.Read(config.Build()).Should().Be(HomeOptions.Default);
    }

    [Fact]
    public void Home_options_report_bad_keys_with_their_full_path()
    {
        using var dir = new TempDir();
        var config = dir.Hocon("""
            iotactors.home { sensor { stale-after = 2m, offline-after = 1m }, history.max-queue = -5, actuator.fail-safe = explode,
                             rules = [ { id = x } ] }
            """);
        var errors = FluentActions.Invoking(() => HomeOptionsReader.Read(config)).Should().Throw<HomeConfigurationException>().Which.Errors;
        errors.Should().Contain(e => e.StartsWith("iotactors.home.sensor.offline-after"));
        errors.Should().Contain(e => e.StartsWith("iotactors.home.history.max-queue"));
        errors.Should().Contain(e => e.StartsWith("iotactors.home.actuator.fail-safe") && e.Contains("hold, idle or active"));
        errors.Should().Contain(e => e.StartsWith("iotactors.home.rules[0] (id 'x')"));
    }

    [Fact]
    public void Home_options_read_overrides()
    {
        using var dir = new TempDir();
        var config = dir.Hocon("""
            iotactors.home { sensor { stale-after = 10s, offline-after = 1m, min-interval = 0s }, history { retention = 3d, max-queue = 50 },
                             actuator { fail-safe = idle, snapshot-every = 5 } }
            """);
        HomeOptionsReader.Read(config).Should().Be(new HomeOptions(RuleSet.Empty, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.Zero,
            TimeSpan.FromDays(3), 50, IotActors.Home.Actuators.FailSafeMode.Idle, 5));
    }
}
