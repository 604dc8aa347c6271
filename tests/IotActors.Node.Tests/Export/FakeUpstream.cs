using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace IotActors.Node.Tests.Export;

/// <summary>An HTTP server on 127.0.0.1 that records batches by Idempotency-Key and can fail, or accept and then fail, on demand.</summary>
internal sealed class FakeUpstream : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();

    public FakeUpstream()
    {
        for (int attempt = 0; ; attempt++)
        {
            // HttpListener cannot bind port 0: take a free port from the kernel, then listen on it (retry on the rare race).
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/ingest/");
            }
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Url.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    public enum Behaviour { Accept, Fail, AcceptThenFail }

    public Uri Url { get; private set; }

    public Behaviour Mode { get; set; } = Behaviour.Accept;

    /// <summary>Batches stored, by key (a retry of a stored key is not stored again).</summary>
    public Dictionary<string, List<double>> Batches { get; } = [];

    /// <summary>Every key received, in order, including retries.</summary>
    public List<string> Requests { get; } = [];

    public List<double> AllValues()
    {
        lock (_gate) return Batches.Values.SelectMany(v => v).ToList();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            string key = context.Request.Headers["Idempotency-Key"] ?? "";
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            List<double> values = body.RootElement.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value").GetDouble()).ToList();
            int status;
            lock (_gate)
            {
                Requests.Add(key);
                body.RootElement.GetProperty("batch").GetString().Should().Be(key);
                if (Mode == Behaviour.Fail) status = 503;
                else
                {
                    Batches.TryAdd(key, values);
                    status = Mode == Behaviour.AcceptThenFail ? 500 : 200;
                }
            }
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
