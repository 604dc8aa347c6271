using System.Diagnostics;
using System.Text;
using IotActors.TestKit;

namespace IotActors.Node.Tests;

public sealed class NodeProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-node-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Node_run_logs_heartbeats_and_stops_cleanly_on_sigterm()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { RepoPaths.NodeDll, "node", "run", "--config", RepoPaths.Hocon("desktop.conf"), "--name", "proc-test",
                     "--data-dir", Path.Combine(_dir, "data"), "--set", "iotactors.node.heartbeat-log-interval=200ms" })
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
