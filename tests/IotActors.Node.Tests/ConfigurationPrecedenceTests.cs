using IotActors.Node.Configuration;

namespace IotActors.Node.Tests;

public sealed class ConfigurationPrecedenceTests
{
    [Fact]
    public void File_is_overridden_by_environment_which_is_overridden_by_command_line()
    {
        string file = RepoPaths.Hocon("desktop.conf");
        var env = new System.Collections.Hashtable
        {
            ["IOTACTORS__NODE__NAME"] = "from-env",
            ["IOTACTORS__NODE__DATA-DIR"] = "/env/data",
            ["PATH"] = "/usr/bin",
        };

        var fileOnly = NodeConfiguration.Build(file, new Dictionary<string, string?>(), new System.Collections.Hashtable());
        var withEnv = NodeConfiguration.Build(file, new Dictionary<string, string?>(), env);
        var withCli = NodeConfiguration.Build(file, new Dictionary<string, string?> { ["iotactors.node.name"] = "from-cli" }, env);

        fileOnly["iotactors:node:name"].Should().NotBe("from-env");
        withEnv["iotactors:node:name"].Should().Be("from-env");
        withEnv["iotactors:node:data-dir"].Should().Be("/env/data");
        withCli["iotactors:node:name"].Should().Be("from-cli");
        withCli["iotactors:node:data-dir"].Should().Be("/env/data");
        withEnv["PATH"].Should().BeNull("only IOTACTORS__ variables are configuration");
    }
}
