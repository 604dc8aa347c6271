using Microsoft.Extensions.Configuration;

namespace IotActors.Hocon.Tests;

public sealed class ConfigurationProviderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hocon-provider-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Hocon_paths_become_configuration_keys_and_arrays_are_indexed()
    {
        string file = Write("a.conf", "iotactors { node { name = n1, roles = [sensor, actuator] }, actor.ask-timeout = 5s, x = null }");
        var config = new ConfigurationBuilder().AddHoconFile(file).Build();
        config["iotactors:node:name"].Should().Be("n1");
        config["iotactors:node:roles:0"].Should().Be("sensor");
        config["iotactors:node:roles:1"].Should().Be("actuator");
        config["iotactors:actor:ask-timeout"].Should().Be("5s");
        config["iotactors:x"].Should().BeNull();
    }

    [Fact]
    public void Precedence_is_file_then_environment_then_command_line()
    {
        string file = Write("p.conf", "iotactors.node { name = from-file, data-dir = file-dir, roles = [a] }");
        const string Var = "IOTACTORS__NODE__DATA-DIR";
        const string Var2 = "IOTACTORS__NODE__NAME";
        Environment.SetEnvironmentVariable(Var, "env-dir");
        Environment.SetEnvironmentVariable(Var2, "from-env");
        try
        {
            var config = new ConfigurationBuilder()
                .AddHoconFile(file)
                .AddEnvironmentVariables()
                .AddCommandLine(["--iotactors:node:name=from-cli"])
                .Build();
            config["iotactors:node:name"].Should().Be("from-cli");
            config["iotactors:node:data-dir"].Should().Be("env-dir");
            config["iotactors:node:roles:0"].Should().Be("a");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Var, null);
            Environment.SetEnvironmentVariable(Var2, null);
        }
    }

    [Fact]
    public void Parse_error_in_file_names_file_line_and_column()
    {
        string file = Write("bad.conf", "a = 1\nb = [1, 2\nc = 3\n");
        var act = () => new ConfigurationBuilder().AddHoconFile(file).Build();
        var e = act.Should().Throw<HoconParseException>().Which;
        e.File.Should().Be(file);
        e.Line.Should().Be(3);
        e.Column.Should().BeGreaterThan(0);
        e.Message.Should().StartWith($"{file}:3:");
    }

    [Fact]
    public void Missing_file_is_an_error_unless_optional()
    {
        string missing = Path.Combine(_dir.FullName, "missing.conf");
        new ConfigurationBuilder().AddHoconFile(missing, optional: true).Build().AsEnumerable().Should().BeEmpty();
        var act = () => new ConfigurationBuilder().AddHoconFile(missing).Build();
        act.Should().Throw<HoconParseException>().Which.File.Should().Be(missing);
    }
}
