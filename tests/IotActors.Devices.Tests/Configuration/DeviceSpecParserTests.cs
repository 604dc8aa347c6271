using IotActors.Devices.Configuration;
using Microsoft.Extensions.Configuration;

namespace IotActors.Devices.Tests.Configuration;

public sealed class DeviceSpecParserTests
{
    [Fact]
    public void Configuration_section_entries_become_specs_in_index_order_with_defaults()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["iotactors:devices:0:id"] = "living-room-temp",
            ["iotactors:devices:0:kind"] = "dht22",
            ["iotactors:devices:0:period"] = "5s",
            ["iotactors:devices:1:id"] = "fan-1",
            ["iotactors:devices:1:kind"] = "gpio-out",
            ["iotactors:devices:1:chip"] = "gpiochip0",
            ["iotactors:devices:1:line"] = "17",
            ["iotactors:devices:2:id"] = "t2",
            ["iotactors:devices:2:kind"] = "simulated-temperature",
            ["iotactors:devices:2:seed"] = "7",
            ["iotactors:devices:10:id"] = "replay-1",
            ["iotactors:devices:10:kind"] = "dataset",
            ["iotactors:devices:10:file"] = "data/x.csv",
            ["iotactors:devices:10:speed"] = "60",
        }).Build();
        var specs = DeviceSpecParser.Parse(config.GetSection("iotactors:devices"));
        specs.Select(s => s.Id).Should().Equal("living-room-temp", "fan-1", "t2", "replay-1");
        specs[0].Period.Should().Be(TimeSpan.FromSeconds(5));
        specs[1].IsActuator.Should().BeTrue();
        specs[2].Period.Should().Be(TimeSpan.FromSeconds(5));
        specs[3].Get("speed", "1").Should().Be("60");
    }

    [Fact]
    public void Every_problem_is_reported_naming_index_id_key_value_and_what_is_allowed()
    {
        var entries = new List<IReadOnlyDictionary<string, string>>
        {
            new Dictionary<string, string> { ["id"] = "a", ["kind"] = "thermo-9000" },
            new Dictionary<string, string> { ["id"] = "fan-1", ["kind"] = "gpio-out" },
            new Dictionary<string, string> { ["id"] = "fan-1", ["kind"] = "virtual-fan" },
            new Dictionary<string, string> { ["kind"] = "virtual-light" },
            new Dictionary<string, string> { ["id"] = "t", ["kind"] = "dht22", ["period"] = "1s" },
            new Dictionary<string, string> { ["id"] = "b", ["kind"] = "gpio-in", ["line"] = "4", ["bias"] = "sideways", ["colour"] = "red" },
            new Dictionary<string, string> { ["id"] = "r", ["kind"] = "dataset", ["file"] = "x.csv", ["speed"] = "fast" },
        };
        var act = () => DeviceSpecParser.Parse(entries);
        var errors = act.Should().Throw<DeviceConfigurationException>().Which.Errors;
        errors.Should().HaveCount(8);
        errors[0].Should().StartWith("devices[0] (id 'a'): key 'kind': unknown kind 'thermo-9000'; allowed:").And.Contain("dht22");
        errors[1].Should().Be("devices[1] (id 'fan-1'): missing required key 'line' for kind 'gpio-out'; expected a line offset (e.g. 17) or line name (e.g. GPIO17)");
        errors[2].Should().Contain("devices[2] (id 'fan-1'): key 'id': duplicate id 'fan-1', already used by devices[1]");
        errors[3].Should().StartWith("devices[3]: missing required key 'id'");
        errors[4].Should().Contain("devices[4] (id 't'): key 'period': value '1s'").And.Contain("2000ms");
        errors[5].Should().Be("devices[5] (id 'b'): key 'bias': value 'sideways' is not allowed; expected one of as-is, pull-up, pull-down, disabled");
        errors.Should().Contain(e => e.StartsWith("devices[5] (id 'b'): unknown key 'colour'", StringComparison.Ordinal));
        act.Should().Throw<DeviceConfigurationException>().Which.Message.Should().Contain("devices[6] (id 'r'): key 'speed': value 'fast'");
    }

    [Fact]
    public void Durations_follow_hocon_units()
    {
        ConfigValues.TryParseDuration("500ms", out var a).Should().BeTrue();
        a.Should().Be(TimeSpan.FromMilliseconds(500));
        ConfigValues.TryParseDuration("2 minutes", out var b).Should().BeTrue();
        b.Should().Be(TimeSpan.FromMinutes(2));
        ConfigValues.TryParseDuration("250", out var c).Should().BeTrue();
        c.Should().Be(TimeSpan.FromMilliseconds(250));
        ConfigValues.TryParseDuration("soon", out _).Should().BeFalse();
        ConfigValues.TryParseDuration("5 fortnights", out _).Should().BeFalse();
    }
}
