using IotActors.Hosting;
using IotActors.Node.Api;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Tests;

public sealed class ApiOptionsTests
{
    private static ApiOptions Read(NodeOptions node, params (string Key, string Value)[] values) =>
        ApiOptions.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(), node);

    [Fact]
    public void Auto_enables_the_api_only_on_dashboard_or_api_nodes()
    {
        Read(new NodeOptions { Roles = ["dashboard"] }).Enabled.Should().BeTrue();
        Read(new NodeOptions { Roles = ["sensor"] }).Enabled.Should().BeFalse();
        Read(new NodeOptions { Roles = ["sensor"] }, ("iotactors:api:enabled", "on")).Enabled.Should().BeTrue();
    }

    [Fact]
    public void Public_binding_without_tls_is_refused_unless_explicitly_allowed()
    {
        var node = new NodeOptions { Roles = ["dashboard"] };
        var act = () => Read(node, ("iotactors:api:bind", "0.0.0.0"));
        act.Should().Throw<InvalidSettingException>().Which.Message.Should().Contain("iotactors.api.bind").And.Contain("allow-insecure");

        Read(node, ("iotactors:api:bind", "0.0.0.0"), ("iotactors:api:allow-insecure", "on")).Bind.ToString().Should().Be("0.0.0.0");
        Read(node, ("iotactors:api:bind", "0.0.0.0"), ("iotactors:api:tls:certificate", "/x.pfx")).CertificateFile.Should().Be("/x.pfx");
    }

    [Fact]
    public void Bad_bind_address_names_the_key()
    {
        var act = () => Read(new NodeOptions { Roles = ["api"] }, ("iotactors:api:bind", "localhostt"));
        act.Should().Throw<InvalidSettingException>().Which.Key.Should().Be("iotactors.api.bind");
    }
}
