using IotActors.Hosting;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting.Tests;

public sealed class NodeOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Reads_every_node_key()
    {
        var options = NodeOptions.From(Config(
            ("iotactors:system-name", "site"), ("iotactors:node:name", "pi-1"), ("iotactors:node:data-dir", "/tmp/x"),
            ("iotactors:node:roles:0", "sensor"), ("iotactors:node:heartbeat-log-interval", "5s")));
        options.Should().BeEquivalentTo(new NodeOptions
        {
            SystemName = "site", Name = "pi-1", DataDirectory = "/tmp/x", Roles = ["sensor"], HeartbeatLogInterval = TimeSpan.FromSeconds(5),
        });
    }

    [Fact]
    public void Unknown_role_stops_with_the_allowed_roles()
    {
        var act = () => NodeOptions.From(Config(("iotactors:node:roles:0", "toaster")));
        act.Should().Throw<InvalidSettingException>().Which.Message.Should()
            .Contain("iotactors.node.roles").And.Contain("'toaster'").And.Contain("controller");
    }

    [Fact]
    public void System_name_with_an_at_sign_is_rejected()
    {
        var act = () => NodeOptions.From(Config(("iotactors:system-name", "a@b")));
        act.Should().Throw<InvalidSettingException>().Which.Key.Should().Be("iotactors.system-name");
    }
}
