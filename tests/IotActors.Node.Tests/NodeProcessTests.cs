using System.Diagnostics;
using System.Text;
using IotActors.TestKit;

namespace IotActors.Node.Tests;

// Every node here binds port 0 for the API and the gateways: other test classes start nodes at the same time.
public sealed class NodeProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-node-").FullName;
    private static readonly string[] FreeGatewayPorts = ["iotactors.gateway.udp.port=0", "iotactors.gateway.tcp.port=0"];

    /// <summary>Arguments of <c>node run</c> with desktop.conf, this test's data directory and one <c>--set</c> per setting.</summary>
    private string[] NodeRunArgs(string name, string[] settings) =>
        [RepoPaths.NodeDll, "node", "run", "--config", RepoPaths.Hocon("desktop.conf"), "--name", name, "--data-dir", Path.Combine(_dir, "data"),
         .. settings.SelectMany(setting => new[] { "--set", setting })];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Api_node_serves_health_and_readiness_on_its_port()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in NodeRunArgs("api-test", ["iotactors.api.port=0", .. FreeGatewayPorts]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            var match = System.Text.RegularExpressions.Regex.Match(e.Data, @"api listening on (http://[^,\s]+)");
            if (match.Success) listening.TrySetResult(match.Groups[1].Value);
        };
        process.BeginOutputReadLine();
        try
        {
            string url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            (await http.GetStringAsync("/healthz")).Should().Be("ok\n");
            await AwaitReady(http);
            var missing = await http.GetAsync("/no-such-endpoint");
            ((int)missing.StatusCode).Should().Be(404);
        }
        finally
        {
            if (!process.HasExited) ProcessSignals.Send(process.Id, ProcessSignals.SigTerm);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(cts.Token);
        }
    }

    [Fact]
    public async Task Sigterm_while_the_node_is_still_starting_stops_it_cleanly_with_exit_code_0()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in NodeRunArgs("early-stop", ["iotactors.api.port=0", .. FreeGatewayPorts]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var starting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains("starting actor system", StringComparison.Ordinal)) starting.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine("[err] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await starting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        ProcessSignals.Send(process.Id, ProcessSignals.SigTerm); // the actor system is starting; the API is not bound yet
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);

        string log;
        lock (output) log = output.ToString();
        log.Should().NotContain("Unhandled exception");
        process.ExitCode.Should().Be(0, log);
    }

    [Fact]
    public async Task A_gateway_port_in_use_stops_the_node_with_one_error_line_and_exit_code_1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in NodeRunArgs("port-taken", ["iotactors.api.port=0", "iotactors.gateway.udp.port=0", $"iotactors.gateway.tcp.port={port}"]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);

        string error = await stderr;
        process.ExitCode.Should().Be(1, error);
        error.Should().NotContain("Unhandled exception");
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("could not start").And.Contain($"{port}").And.Contain("AddressAlreadyInUse");
    }

    private static async Task AwaitReady(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var response = await http.GetAsync("/readyz");
            if (response.IsSuccessStatusCode) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/readyz still {(int)response.StatusCode}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Node_run_logs_heartbeats_and_stops_cleanly_on_sigterm()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in NodeRunArgs("proc-test", ["iotactors.node.heartbeat-log-interval=200ms", "iotactors.api.enabled=off", .. FreeGatewayPorts]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var log = new StringBuilder();
        var alive = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.Contains("node proc-test alive")) alive.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await alive.Task.WaitAsync(TimeSpan.FromSeconds(30));
            ProcessSignals.Send(process.Id, ProcessSignals.SigTerm);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(cts.Token);
            process.ExitCode.Should().Be(0, "log:\n" + log);
            lock (log) log.ToString().Should().Contain("node proc-test stopping");
            Directory.Exists(Path.Combine(_dir, "data")).Should().BeTrue();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
