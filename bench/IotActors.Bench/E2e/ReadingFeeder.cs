using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IotActors.Bench.E2e;

/// <summary>
/// Feeds temperature readings as JSON lines into a node's TCP gateway, at a fixed rate (one ordered stream) or as fast as it
/// takes them. The rule's sensor alternates between 26 and 24 °C every <c>toggleEvery</c> of its readings; its readings
/// carry their send time as <c>timestamp</c>, and the send time of each block's first reading is kept for the latency match.
/// </summary>
internal sealed class ReadingFeeder
{
    private const int LinesPerWrite = 64;
    private readonly IPEndPoint _gateway;
    private readonly E2eOptions _options;
    private readonly List<DateTimeOffset> _toggleTimes = [];
    private readonly Lock _gate = new();
    private long _sent;
    private long _acked;
    private long _errors;
    private long _ruleReadings;
    private string? _firstError;

    public ReadingFeeder(IPEndPoint gateway, E2eOptions options)
    {
        _gateway = gateway;
        _options = options;
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long Acked => Interlocked.Read(ref _acked);

    public long Errors => Interlocked.Read(ref _errors);

    public string? FirstError => _firstError;

    /// <summary>Blocks of the rule sensor started so far: each one's first reading should switch the fan.</summary>
    public long ToggleBlocks
    {
        get { lock (_gate) { return _toggleTimes.Count; } }
    }

    /// <summary>Send time of the rule sensor's reading that starts block <paramref name="block"/> (0-based), if it was sent.</summary>
    public DateTimeOffset? ToggleTime(long block)
    {
        lock (_gate) { return block >= 0 && block < _toggleTimes.Count ? _toggleTimes[(int)block] : null; }
    }

    /// <summary>Sends one rule-sensor reading with <paramref name="value"/> outside the measured stream (priming).</summary>
    public static async Task SendOneAsync(IPEndPoint gateway, double value)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(gateway);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Line(E2eSite.RuleSensor, value, DateTimeOffset.UtcNow) + "\n"));
        var buffer = new byte[64];
        int n = await stream.ReadAsync(buffer);
        var answer = Encoding.UTF8.GetString(buffer, 0, n);
        if (!answer.StartsWith("ACK", StringComparison.Ordinal)) { throw new InvalidOperationException($"e2e: the gateway answered '{answer.Trim()}' to a priming reading."); }
    }

    /// <summary>Feeds until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, _options.Connections).Select(c => Task.Run(() => ConnectionAsync(c, stop))));

    private async Task ConnectionAsync(int connection, CancellationToken stop)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(_gateway, stop);
        var stream = client.GetStream();
        var reader = Task.Run(() => ReadAnswersAsync(stream));
        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        long mine = 0;
        // Device index: connection c sends devices c, c+C, c+2C, ...; connection 0 owns the rule sensor (device 0).
        var devices = Enumerable.Range(0, _options.Devices).Where(d => d % _options.Connections == connection).ToArray();
        var names = devices.Select(d => d == 0 ? E2eSite.RuleSensor : $"e2e-{d}").ToArray();
        var next = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int due;
                if (_options.Rate is { } rate)
                {
                    due = (int)Math.Min(LinesPerWrite, (long)(clock.Elapsed.TotalSeconds * rate) - mine);
                    if (due <= 0)
                    {
                        await Task.Delay(1, stop);
                        continue;
                    }
                }
                else
                {
                    due = LinesPerWrite;
                    // Keep at most ~16k lines in flight so the socket buffers, not this loop, absorb bursts.
                    while (Interlocked.Read(ref _sent) - Interlocked.Read(ref _acked) - Interlocked.Read(ref _errors) > 16384 && !stop.IsCancellationRequested)
                    {
                        await Task.Delay(1, stop);
                    }
                }

                text.Clear();
                for (int i = 0; i < due; i++)
                {
                    var name = names[next];
                    next = (next + 1) % names.Length;
                    if (name == E2eSite.RuleSensor) { AppendRuleReading(text); }
                    else { text.Append("{\"sensor_id\":\"").Append(name).Append("\",\"metric\":\"temperature\",\"value\":21.5,\"unit\":\"C\"}\n"); }
                }

                await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), stop);
                mine += due;
                Interlocked.Add(ref _sent, due);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Done feeding.
        }

        // Let the answers of the last lines arrive, then close.
        var drain = Stopwatch.StartNew();
        while (Acked + Errors < Sent && drain.Elapsed < TimeSpan.FromSeconds(5)) { await Task.Delay(20, CancellationToken.None); }
        client.Client.Shutdown(SocketShutdown.Both);
        await reader;
    }

    private void AppendRuleReading(StringBuilder text)
    {
        // Every rule reading carries its send time, so its source times never go backwards (the node stamps the others).
        long index = _ruleReadings++;
        double value = index / _options.ToggleEvery % 2 == 0 ? 26.0 : 24.0;
        var now = DateTimeOffset.UtcNow;
        if (index % _options.ToggleEvery == 0)
        {
            lock (_gate) { _toggleTimes.Add(now); }
        }

        text.Append(Line(E2eSite.RuleSensor, value, now)).Append('\n');
    }

    private static string Line(string device, double value, DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"sensor_id\":\"{device}\",\"metric\":\"temperature\",\"value\":{value:0.0},\"unit\":\"C\",\"timestamp\":\"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}\"}}");

    private async Task ReadAnswersAsync(NetworkStream stream)
    {
        var buffer = new byte[64 * 1024];
        var line = new StringBuilder();
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] != (byte)'\n') { line.Append((char)buffer[i]); continue; }
                    if (line.Length >= 3 && line[0] == 'A' && line[1] == 'C' && line[2] == 'K') { Interlocked.Increment(ref _acked); }
                    else
                    {
                        Interlocked.Increment(ref _errors);
                        Interlocked.CompareExchange(ref _firstError, line.ToString(), null);
                    }
                    line.Clear();
                }
            }
        }
        catch (IOException)
        {
            // The connection was shut down.
        }
        catch (ObjectDisposedException)
        {
            // The connection was shut down.
        }
    }
}
