using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace IotActors.Bench.Gateway;

/// <summary>A real <c>iotactors node run</c> process on loopback (gateway + dashboard roles, UDP gateway unsigned, rate limits lifted) with an operator token.</summary>
internal sealed partial class BenchNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private BenchNodeProcess(Process process, string dir, int apiPort, int udpPort, string token)
    {
        _process = process;
        _dir = dir;
        ApiPort = apiPort;
        UdpPort = udpPort;
        Token = token;
    }

    public int Pid => _process.Id;

    public int ApiPort { get; }

    public int UdpPort { get; }

    public string Token { get; }

    /// <summary>The node binary: --node PATH, else $IOTACTORS_NODE, else the Release build under src/IotActors.Node.</summary>
    public static string ResolveBinary(string[] args)
    {
        var i = Array.IndexOf(args, "--node");
        var path = i >= 0 && i + 1 < args.Length ? args[i + 1]
            : Environment.GetEnvironmentVariable("IOTACTORS_NODE") ?? "src/IotActors.Node/bin/Release/net10.0/iotactors";
        if (!File.Exists(path)) { throw new FileNotFoundException($"Node binary {path} not found; run 'dotnet build -c Release src/IotActors.Node' or pass --node PATH.", path); }
        return Path.GetFullPath(path);
    }

    public static async Task<BenchNodeProcess> StartAsync(string binary, string referenceConf)
    {
        var dir = Directory.CreateTempSubdirectory("iotactors-bench-node-").FullName;
        File.Copy(referenceConf, Path.Combine(dir, "reference.conf"));
        int apiPort = FreePort(SocketType.Stream, ProtocolType.Tcp), udpPort = FreePort(SocketType.Dgram, ProtocolType.Udp);
        var data = Path.Combine(dir, "data");
        await File.WriteAllTextAsync(Path.Combine(dir, "node.conf"), $$"""
            include "reference.conf"
            iotactors.node { name = "bench", roles = [gateway, dashboard], data-dir = "{{data}}", heartbeat-log-interval = 0s }
            iotactors.api { bind = "127.0.0.1", port = {{apiPort}}, ingest { burst = 1000000, rate = 1000000 } }
            iotactors.gateway { udp { bind = "127.0.0.1", port = {{udpPort}}, allow-unsigned = on }, tcp { enabled = off }, rate-limit { burst = 1000000, per-second = 1000000 } }
            """);
        var tokenOut = await RunToCompletionAsync(binary, ["token", "new", "--role", "operator", "--data-dir", data]);
        var token = TokenPattern().Match(tokenOut) is { Success: true } m ? m.Value
            : throw new InvalidOperationException($"'iotactors token new' printed no token: {tokenOut}");
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { "node", "run", "-c", Path.Combine(dir, "node.conf") }) { psi.ArgumentList.Add(a); }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var tail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line) { if (line is null) { return; } tail.Enqueue(line); while (tail.Count > 20) { tail.TryDequeue(out _); } }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new BenchNodeProcess(process, dir, apiPort, udpPort, token);
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) { throw new InvalidOperationException($"The node exited with code {process.ExitCode} during start-up:\n{string.Join('\n', tail)}"); }
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{apiPort}/healthz")).IsSuccessStatusCode) { return node; }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        await node.DisposeAsync();
        throw new TimeoutException("The node did not answer /healthz within 60 s.");
    }

    /// <summary>Reads a counter from /metrics, summing every label set of <paramref name="metric"/>.</summary>
    public async Task<double> ReadMetricAsync(HttpClient http, string metric)
    {
        var text = await http.GetStringAsync($"http://127.0.0.1:{ApiPort}/metrics");
        return text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var s = new Socket(AddressFamily.InterNetwork, type, protocol);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    private static async Task<string> RunToCompletionAsync(string binary, string[] args)
    {
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) { psi.ArgumentList.Add(a); }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return output;
    }

    [GeneratedRegex("iot_[0-9a-f]+_[0-9a-f]+")]
    private static partial Regex TokenPattern();
}
