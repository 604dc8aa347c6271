using System.Diagnostics;
using System.Text;
using FluentAssertions;
using IotActors.TestKit;

namespace IotActors.MultiNode.Tests.Domain;

/// <summary>One real node process with a simulated temperature sensor, a virtual fan and the fan rule; killed with SIGKILL and restarted on the same data directory.</summary>
[Trait("Category", "MultiNode")]
public sealed class ActuatorKillRestartTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("home-kill-").FullName;

    [Fact]
    public async Task Fan_active_before_kill_9_is_active_again_after_restart_before_any_new_command_with_its_journaled_version()
    {
        string config = Path.Combine(_dir, "node.conf");
        await File.WriteAllTextAsync(config, """
            iotactors {
              node { roles = [controller, sensor, actuator] }
              api.enabled = off
              devices = [ { id = t1, kind = simulated-temperature, period = 300ms, target = 26 },
                          { id = fan-1, kind = virtual-fan } ]
              home.rules = [ { id = fan-auto, actuator = fan-1, sensors = [t1], metric = temperature, on-above = 25.0, off-below = 24.5, consecutive = 2 } ]
            }
            """);

        var (first, firstLog) = Start(config);
        try
        {
            await WaitForLine(firstLog, "Fan ON (fan-1)");
        }
        finally
        {
            ProcessSignals.Send(first.Id, ProcessSignals.SigKill);
            await first.WaitForExitAsync().WaitAsync(Wait);
        }

        var (second, secondLog) = Start(config);
        try
        {
            await WaitForLine(secondLog, "Fan ON (fan-1)");
            string text = Snapshot(secondLog);
            int reapply = text.IndexOf("re-applying active=True (version 1) before taking commands", StringComparison.Ordinal);
            int fanOn = text.IndexOf("Fan ON (fan-1)", StringComparison.Ordinal);
            reapply.Should().BeGreaterThan(0, "the recovered actuator re-applies its state:\n" + text);
            fanOn.Should().BeGreaterThan(reapply);
            text[..fanOn].Should().NotContain("is now active=", "no new command ran before the fan was on again");
            text.Should().NotContain("Fan OFF");
        }
        finally
        {
            ProcessSignals.Send(second.Id, ProcessSignals.SigTerm);
            await second.WaitForExitAsync().WaitAsync(Wait);
        }
    }

    private (Process Process, StringBuilder Log) Start(string config)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "iotactors.dll"), "node", "run", "--config", config, "--name", "kill-test", "--data-dir", Path.Combine(_dir, "data") })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static async Task WaitForLine(StringBuilder log, string text)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!Snapshot(log).Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear within {Wait}:\n{Snapshot(log)}");
            }

            await Task.Delay(100);
        }
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
