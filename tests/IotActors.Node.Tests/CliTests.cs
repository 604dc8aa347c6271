using IotActors.Node.Cli;

namespace IotActors.Node.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await NodeCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Version_prints_the_version_and_exits_zero()
    {
        var (code, output, _) = await Run("--version");
        code.Should().Be(0);
        output.Should().MatchRegex(@"\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task Missing_config_file_exits_2_with_one_line_naming_the_file()
    {
        var (code, _, error) = await Run("config", "show", "--config", Path.Combine(_dir, "nope.conf"));
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("config file not found").And.Contain("nope.conf");
        error.Should().NotContain("   at ", "no stack trace without --verbose");
    }

    [Fact]
    public async Task Parse_error_exits_2_naming_file_line_and_column_and_verbose_adds_the_stack()
    {
        string bad = Write("bad.conf", "a = 1\nb = {\n");
        var (code, _, error) = await Run("config", "show", "--config", bad);
        code.Should().Be(NodeCli.UsageError);
        error.Should().MatchRegex(@"bad\.conf:\d+:\d+: ");
        error.Should().NotContain("   at ");

        var (verboseCode, _, verboseError) = await Run("config", "show", "--config", bad, "--verbose");
        verboseCode.Should().Be(NodeCli.UsageError);
        verboseError.Should().Contain("   at ");
    }

    [Fact]
    public async Task Unknown_option_exits_2()
    {
        var (code, _, error) = await Run("config", "show", "--frobnicate");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("--frobnicate");
    }

    [Fact]
    public async Task Bad_set_syntax_exits_2_with_an_example()
    {
        var (code, _, error) = await Run("config", "show", "--config", RepoPaths.Hocon("desktop.conf"), "--set", "novalue");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("key=value");
    }

    [Fact]
    public async Task Config_show_prints_the_desktop_roles_and_set_overrides_the_file()
    {
        var (code, output, _) = await Run("config", "show", "--config", RepoPaths.Hocon("desktop.conf"), "--set", "iotactors.node.name=desk-9");
        code.Should().Be(0);
        output.Should().Contain("iotactors.node.roles.0 = \"controller\"");
        output.Should().Contain("iotactors.node.name = \"desk-9\"");
    }

    [Fact]
    public async Task Config_show_json_is_a_json_tree()
    {
        var (code, output, _) = await Run("config", "show", "--config", RepoPaths.Hocon("desktop.conf"), "--json");
        code.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.GetProperty("iotactors").GetProperty("node").GetProperty("roles")[0].GetString().Should().Be("controller");
    }

    [Fact]
    public async Task Config_show_redacts_secrets_and_passwords_in_connection_strings()
    {
        string conf = Write("s.conf", """
            iotactors.remote.secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQ="
            iotactors.persistence.postgres.connection-string = "Host=db;Username=u;Password=hunter2;Database=d"
            iotactors.api.tokens = [ { name = ops, token-hash = "abc" } ]
            """);
        var (code, output, _) = await Run("config", "show", "--config", conf);
        code.Should().Be(0);
        output.Should().NotContain("c2VjcmV0").And.NotContain("hunter2");
        output.Should().Contain("<redacted>").And.Contain("Host=db");
    }

    [Fact]
    public async Task Invalid_setting_in_node_run_exits_2_naming_the_key()
    {
        string conf = Write("n.conf", "iotactors.node.roles = [toaster]\n");
        var (code, _, error) = await Run("node", "run", "--config", conf, "--data-dir", Path.Combine(_dir, "data"));
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("iotactors.node.roles").And.Contain("toaster");
    }
}
