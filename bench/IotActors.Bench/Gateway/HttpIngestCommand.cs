using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace IotActors.Bench.Gateway;

/// <summary><c>http-ingest --seconds 5 --clients 4 --devices 10</c>: POST /api/sensors/{id}/data against a real node on loopback with an operator token.</summary>
internal sealed class HttpIngestCommand : IBenchCommand
{
    public string Name => "http-ingest";

    public string Usage => "--seconds N --clients N --devices N [--node PATH]  requests/s, latency p50/p99 and node RSS";

    public async Task<int> RunAsync(string[] args)
    {
        int seconds = CommandArgs.Int(args, "--seconds", 5), clients = CommandArgs.Int(args, "--clients", 4), devices = CommandArgs.Int(args, "--devices", 10);
        await using var node = await BenchNodeProcess.StartAsync(BenchNodeProcess.ResolveBinary(args), "hocon/reference.conf");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.ApiPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", node.Token);
        var body = Encoding.UTF8.GetBytes("{\"metric\":\"temperature\",\"value\":21.5,\"unit\":\"C\"}");
        var failures = 0L;
        using (var probe = await PostAsync(http, "sim-0", body))
        {
            if (!probe.IsSuccessStatusCode) { Console.Error.WriteLine($"http-ingest: the node answered {(int)probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}"); return 1; }
        }

        var measuring = false;
        var stop = new CancellationTokenSource();
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<double>()).ToArray();
        async Task Loop(int c)
        {
            var i = c;
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await PostAsync(http, $"sim-{i++ % devices}", body);
                if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref failures); }
                if (Volatile.Read(ref measuring)) { latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds); }
            }
        }

        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(() => Loop(c))).ToArray();
        await Task.Delay(1000); // warm-up
        Volatile.Write(ref measuring, true);
        var sw = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = sw.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        var rss = ProcStat.RssBytes(node.Pid);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clients={clients} devices={devices} seconds={elapsed:F1} requests={all.Length} failures={failures}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency: p50={P(0.5):F2} ms p99={P(0.99):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"node rss: {rss / 1048576.0:F1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"http-ingest: {all.Length / elapsed:F0} requests/s"));
        return failures == 0 ? 0 : 1;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string device, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return http.PostAsync($"/api/sensors/{device}/data", content);
    }
}
