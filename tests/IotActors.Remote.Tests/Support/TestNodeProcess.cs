using System.Diagnostics;
using System.Globalization;
using IotActors.TestKit;

namespace IotActors.Remote.Tests.Support;

/// <summary>A real second process running IotActors.Remote.TestNode (an echo and a forwarder actor).</summary>
public sealed class TestNodeProcess : IDisposable
{
    private readonly Process _process;

    private TestNodeProcess(Process process, int port, long incarnation)
    {
        _process = process;
        Port = port;
        Incarnation = incarnation;
    }

    public int Port { get; }
    public long Incarnation { get; }
    public int Pid => _process.Id;

    public static async Task<TestNodeProcess> StartAsync(string system, int port = 0)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath());
        start.ArgumentList.Add(system);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.Environment["IOTACTORS_CLUSTER_SECRET"] = TestNodes.Secret.ToBase64();
        var process = Process.Start(start) ?? throw new InvalidOperationException("test node did not start");
        try
        {
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
            {
                var parts = line.Split(' ');
                if (parts is ["READY", var p, var inc])
                    return new TestNodeProcess(process, int.Parse(p, CultureInfo.InvariantCulture), long.Parse(inc, CultureInfo.InvariantCulture));
            }
            throw new InvalidOperationException("test node exited before it was ready");
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the node vanishes without closing anything.</summary>
    public void KillHard()
    {
        ProcessSignals.Send(_process.Id, ProcessSignals.SigKill);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5_000)) _process.Kill();
        }
        _process.Dispose();
    }

    private static string DllPath()
    {
        // tests/IotActors.Remote.Tests/bin/<Config>/net10.0/ -> tests/IotActors.Remote.TestNode/bin/<Config>/net10.0/
        var own = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var path = Path.Combine(own.Replace("IotActors.Remote.Tests", "IotActors.Remote.TestNode"), "IotActors.Remote.TestNode.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/IotActors.Remote.TestNode first (the test project references it).", path);
    }
}
