using IotActors.Hocon.Tests.Conformance;

namespace IotActors.Hocon.Tests;

public sealed class HoconFolderTests
{
    private static string HoconDir => Path.GetFullPath(Path.Combine(ConformanceData.Root, "..", "..", "..", "main", "hocon"));

    private static HoconConfig Load(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "IotActors.sln")))
        {
            dir = dir.Parent;
        }

        return HoconParser.ParseFile(Path.Combine(dir.FullName, "hocon", name));
    }

    [Fact]
    public void Reference_conf_holds_the_kernel_and_node_defaults()
    {
        var c = Load("reference.conf");
        c.GetString("iotactors.system-name").Should().Be("iotactors");
        c.GetInt("iotactors.actor.default-dispatcher.throughput").Should().Be(30);
        c.GetDuration("iotactors.actor.ask-timeout").Should().Be(TimeSpan.FromSeconds(5));
        c.GetInt("iotactors.actor.bounded-mailbox.capacity").Should().Be(1000);
        c.GetStringList("iotactors.node.roles").Should().BeEmpty();
        c.GetDuration("iotactors.node.heartbeat-log-interval").Should().Be(TimeSpan.FromSeconds(30));
        foreach (var layer in new[] { "remote", "cluster", "persistence", "home", "api", "gateway" })
        {
            c.GetValue("iotactors." + layer).Should().BeOfType<HoconObject>(layer + " has its own section");
        }
        c.GetValue("iotactors.devices").Should().BeOfType<HoconArray>("devices are declared as a list of entries");
    }

    [Fact]
    public void Desktop_conf_overrides_roles_and_keeps_defaults()
    {
        var c = Load("desktop.conf");
        c.GetStringList("iotactors.node.roles").Should().Equal("controller", "gateway", "dashboard");
        c.GetInt("iotactors.actor.default-dispatcher.throughput").Should().Be(30);
    }

    [Fact]
    public void Pi_conf_has_hardware_roles_and_lower_throughput()
    {
        var c = Load("pi.conf");
        c.GetStringList("iotactors.node.roles").Should().Equal("sensor", "actuator");
        c.GetInt("iotactors.actor.default-dispatcher.throughput").Should().BeLessThan(30);
        c.GetDuration("iotactors.actor.ask-timeout").Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Local_cluster_conf_stays_on_loopback()
    {
        var c = Load("local-cluster.conf");
        c.GetString("iotactors.remote.host").Should().Be("127.0.0.1");
        c.GetStringList("iotactors.cluster.discovery.targets").Should().Equal("127.255.255.255");
        c.GetBool("iotactors.gateway.allow-unsigned").Should().BeTrue();
    }
}
