using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.RunCluster;

/// <summary>CI smoke test of ./run-cluster.sh: its own state folder and ports (IOTACTORS_CLUSTER_DIR, IOTACTORS_PORT_BASE), so a developer's .cluster/ is never touched.</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class RunClusterScriptTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dir = Directory.CreateTempSubdirectory("run-cluster-").FullName;
    private readonly int _portBase = 32000 + Random.Shared.Next(0, 60) * 50;

    [Fact]
    public async Task Run_cluster_starts_3_nodes_serves_devices_and_commands_refuses_a_second_start_and_stops()
    {
        string? root = RepositoryRoot();
        if (root is null)
        {
            output.WriteLine("SKIPPED: run-cluster.sh not found above the test directory");
            return;
        }

        try
        {
            var (code, text) = await RunScriptAsync(root, "3");
            code.Should().Be(0, text);
            text.Should().Contain("3 nodes Up");
            string token = (await File.ReadAllTextAsync(Path.Combine(_dir, "operator-token"))).Trim();
            token.Should().StartWith("iot_");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_portBase + 21}/"), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            await MultiNodeCluster.WaitUntilAsync(async () =>
            {
                var devices = JsonNode.Parse(await http.GetStringAsync("api/devices"))!.AsArray();
                return devices.Any(d => d!["id"]!.GetValue<string>() == "node-2-fan") && devices.Any(d => d!["id"]!.GetValue<string>() == "node-3-temp");
            }, TimeSpan.FromSeconds(30), "node 1's API lists node-2-fan and node-3-temp");
            long before = JsonNode.Parse(await http.GetStringAsync("api/devices/node-2-fan"))!["version"]!.GetValue<long>();
            using var command = await http.PostAsJsonAsync("api/devices/node-2-fan/commands", new { active = true });
            string answer = await command.Content.ReadAsStringAsync();
            command.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted, answer);
            JsonNode.Parse(answer)!["device"]!["active"]!.GetValue<bool>().Should().BeTrue("node 2's actuator answered after applying the command: " + answer);
            // node-2-fan has a fan rule, so a controller may switch it off again at once (a decision it made before it could reach
            // the fan); what must hold is that node 2's new state reaches node 1's view.
            await MultiNodeCluster.WaitUntilAsync(async () =>
                JsonNode.Parse(await http.GetStringAsync("api/devices/node-2-fan"))!["version"]!.GetValue<long>() > before,
                TimeSpan.FromSeconds(15), "node 1 shows node 2's new state of node-2-fan");
            (await http.GetAsync("")).IsSuccessStatusCode.Should().BeTrue("the dashboard is served");

            var (statusCode, status) = await RunScriptAsync(root, "status");
            statusCode.Should().Be(0, status);
            status.Should().Contain("node-3  running").And.Contain($"up  iot://iotactors@127.0.0.1:{_portBase + 3}");

            var (againCode, again) = await RunScriptAsync(root, "3");
            againCode.Should().NotBe(0);
            again.Should().Contain("already running");
        }
        finally
        {
            var (stopCode, stop) = await RunScriptAsync(root, "stop");
            output.WriteLine(stop);
            stopCode.Should().Be(0, stop);
            stop.Should().Contain("stopped");
        }

        foreach (string pidFile in Directory.GetFiles(_dir, "pid", SearchOption.AllDirectories))
        {
            Assert.Fail($"{pidFile} left behind after stop");
        }
    }

    private async Task<(int Code, string Text)> RunScriptAsync(string root, string argument)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        info.ArgumentList.Add(Path.Combine(root, "run-cluster.sh"));
        info.ArgumentList.Add(argument);
        info.Environment["IOTACTORS_CLUSTER_DIR"] = _dir;
        info.Environment["IOTACTORS_PORT_BASE"] = _portBase.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(ScriptTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string text = await stdout + await stderr;
        output.WriteLine($"$ ./run-cluster.sh {argument} -> {process.ExitCode}\n{text}");
        return (process.ExitCode, text);
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "run-cluster.sh")) && File.Exists(Path.Combine(dir.FullName, "IotActors.sln"))) return dir.FullName;
        }

        return null;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
