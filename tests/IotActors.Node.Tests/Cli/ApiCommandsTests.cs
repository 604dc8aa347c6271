using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IotActors.Node.Cli;
using IotActors.Node.Tests.Api;
using IotActors.Node.Tests.Tools;

namespace IotActors.Node.Tests.ApiCli; // not ".Cli": that would shadow IotActors.Node.Cli in sibling test namespaces

public sealed class ApiCommandsTests : IAsyncLifetime
{
    private ApiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<(int Code, string Out, string Err)> Run(string token, params string[] args) =>
        CliRunner.Run([.. args, "--api", _server.BaseAddress.ToString(), "--token", token]);

    [Fact]
    public async Task Devices_list_shows_every_device_in_a_table()
    {
        _server.Site.RecordReading("living-room-temp", "temperature", "C", 21.25);
        var (code, output, error) = await Run(_server.ViewerToken, "devices", "list");
        code.Should().Be(0, error);
        output.Should().Contain("fan").And.Contain("living-room-temp").And.Contain("21.25 C").And.Contain("2 device(s)");
    }

    [Fact]
    public async Task Devices_list_json_prints_the_api_answer()
    {
        var (code, output, error) = await Run(_server.ViewerToken, "devices", "list", "--json");
        code.Should().Be(0, error);
        JsonDocument.Parse(output).RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().BeEquivalentTo(["fan", "living-room-temp"]);
    }

    [Fact]
    public async Task Send_on_makes_the_fan_active_and_device_show_reports_it()
    {
        var (code, output, error) = await Run(_server.OperatorToken, "send", "fan", "on");
        code.Should().Be(0, error);
        output.Should().Contain("fan: on accepted");

        (code, output, error) = await Run(_server.ViewerToken, "device", "show", "fan");
        code.Should().Be(0, error);
        output.Should().Contain("fan").And.Contain("active");
        (await _server.Site.GetDeviceAsync("fan"))!.Active.Should().BeTrue();
    }

    [Fact]
    public async Task Send_with_a_viewer_token_exits_2_and_names_the_operator_role()
    {
        var (code, _, error) = await Run(_server.ViewerToken, "send", "fan", "on");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("403").And.Contain("operator");
        error.Trim().Split('\n').Should().HaveCount(1);
        (await _server.Site.GetDeviceAsync("fan"))!.Active.Should().NotBe(true);
    }

    [Fact]
    public async Task Device_show_of_an_unknown_device_exits_2_with_the_problem_detail()
    {
        var (code, _, error) = await Run(_server.ViewerToken, "device", "show", "nope");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("404").And.Contain("no device has the id 'nope'");
    }

    [Fact]
    public async Task An_unknown_token_exits_2_and_says_the_token_was_refused()
    {
        var (code, _, error) = await Run("iot_00000000_" + new string('0', 64), "devices", "list");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("401").And.Contain("unknown, revoked or mistyped");
    }

    [Fact]
    public async Task Rules_add_list_and_remove_with_an_admin_token()
    {
        var (code, output, error) = await Run(_server.AdminToken, "rules", "add", "--id", "cool", "--actuator", "fan", "--sensor", "living-room-temp",
            "--metric", "temperature", "--on-above", "26", "--off-below", "24.5", "--consecutive", "2", "--aggregate", "max");
        code.Should().Be(0, error);
        output.Should().Contain("rule 'cool' added");

        (code, output, error) = await Run(_server.ViewerToken, "rules", "list");
        code.Should().Be(0, error);
        output.Should().Contain("cool").And.Contain("living-room-temp").And.Contain("max").And.Contain("24.5").And.Contain("2/2").And.Contain("1 rule(s)");

        (code, output, error) = await Run(_server.AdminToken, "rules", "remove", "cool");
        code.Should().Be(0, error);
        output.Should().Contain("rule 'cool' removed");
        (await _server.Site.GetRulesAsync()).Rules.Should().BeEmpty();
    }

    [Fact]
    public async Task Rules_add_with_an_operator_token_exits_2_and_names_the_admin_role()
    {
        var (code, _, error) = await Run(_server.OperatorToken, "rules", "add", "--id", "cool", "--actuator", "fan", "--sensor", "living-room-temp",
            "--metric", "temperature", "--on-above", "26", "--off-below", "24");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("admin");
        (await _server.Site.GetRulesAsync()).Rules.Should().BeEmpty();
    }

    [Fact]
    public async Task Rules_remove_of_an_unknown_rule_exits_2()
    {
        var (code, _, error) = await Run(_server.AdminToken, "rules", "remove", "nope");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("404");
    }

    [Fact]
    public async Task Cluster_status_lists_the_members_and_the_leader()
    {
        var (code, output, error) = await Run(_server.ViewerToken, "cluster", "status");
        code.Should().Be(0, error);
        output.Should().Contain("leader iot://test@node1").And.Contain("up").And.Contain("dashboard").And.Contain("1 member(s)");
    }

    [Fact]
    public async Task Tail_count_1_prints_a_reading_fed_into_the_site()
    {
        Task<(int Code, string Out, string Err)> tail = Run(_server.ViewerToken, "tail", "--count", "1");
        // The subscription starts when the request arrives; keep feeding readings until the command has seen one.
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (!tail.IsCompleted && DateTime.UtcNow < deadline)
        {
            _server.Site.RecordReading("living-room-temp", "temperature", "C", 22.5);
            await Task.WhenAny(tail, Task.Delay(100));
        }

        tail.IsCompleted.Should().BeTrue("tail --count 1 stops after one event");
        var (code, output, error) = await tail;
        code.Should().Be(0, error);
        output.Should().Contain("reading living-room-temp temperature=22.5 C");
        output.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public async Task An_unreachable_api_exits_2_with_a_clear_message()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, _, error) = await CliRunner.Run("devices", "list", "--api", $"http://127.0.0.1:{port}", "--token", _server.ViewerToken);
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain($"cannot reach the node API at http://127.0.0.1:{port}/");
    }

    [Fact]
    public async Task A_missing_token_file_exits_2_naming_the_file()
    {
        var (code, _, error) = await CliRunner.Run("devices", "list", "--api", _server.BaseAddress.ToString(), "--token-file", "/nonexistent/token");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("/nonexistent/token");
    }

    [Fact]
    public async Task Token_file_is_read_for_the_bearer_token()
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, _server.ViewerToken + "\n");
            var (code, output, error) = await CliRunner.Run("devices", "list", "--api", _server.BaseAddress.ToString(), "--token-file", file);
            code.Should().Be(0, error);
            output.Should().Contain("fan");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
