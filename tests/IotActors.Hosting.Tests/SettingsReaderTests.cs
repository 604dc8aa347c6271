using IotActors.Hosting;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting.Tests;

public sealed class SettingsReaderTests
{
    private static SettingsReader Reader(params (string Key, string Value)[] values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(), "iotactors.node");

    [Fact]
    public void Duration_reads_hocon_units_and_falls_back_when_absent()
    {
        var reader = Reader(("iotactors:node:a", "500ms"), ("iotactors:node:b", "2 minutes"));
        reader.Duration("a", TimeSpan.Zero).Should().Be(TimeSpan.FromMilliseconds(500));
        reader.Duration("b", TimeSpan.Zero).Should().Be(TimeSpan.FromMinutes(2));
        reader.Duration("missing", TimeSpan.FromSeconds(3)).Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Bad_duration_names_key_value_and_what_is_allowed()
    {
        var reader = Reader(("iotactors:node:heartbeat-log-interval", "soon"));
        var act = () => reader.Duration("heartbeat-log-interval", TimeSpan.Zero);
        act.Should().Throw<InvalidSettingException>()
            .Which.Message.Should().Contain("iotactors.node.heartbeat-log-interval").And.Contain("'soon'").And.Contain("duration");
    }

    [Fact]
    public void Int_out_of_range_is_rejected_with_the_range()
    {
        var reader = Reader(("iotactors:node:n", "0"));
        var act = () => reader.Int("n", 5, 1, 10);
        act.Should().Throw<InvalidSettingException>().Which.Allowed.Should().Contain("from 1 to 10");
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("true", true)]
    [InlineData("no", false)]
    public void Bool_accepts_hocon_words(string raw, bool expected) =>
        Reader(("iotactors:node:flag", raw)).Bool("flag", !expected).Should().Be(expected);

    [Fact]
    public void StringList_reads_indexed_keys_in_order_and_a_comma_separated_override()
    {
        Reader(("iotactors:node:roles:1", "b"), ("iotactors:node:roles:0", "a")).StringList("roles", []).Should().Equal("a", "b");
        Reader(("iotactors:node:roles", "sensor, actuator")).StringList("roles", []).Should().Equal("sensor", "actuator");
        Reader().StringList("roles", ["x"]).Should().Equal("x");
    }

    [Fact]
    public void Size_reads_binary_and_decimal_units()
    {
        Reader(("iotactors:node:s", "64KiB")).Size("s", 0).Should().Be(65536);
        Reader(("iotactors:node:s", "1M")).Size("s", 0).Should().Be(1024 * 1024);
    }
}
