using System.Diagnostics;
using System.Globalization;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;

namespace IotActors.Bench;

/// <summary>The `remote-transport` bench: request/response envelopes between two in-process transports.</summary>
/// <remarks>IBenchCommand did not exist yet when written; call <see cref="RunAsync"/> from Program.cs.</remarks>
public sealed class RemoteTransportCommand : IBenchCommand
{
    /// <summary>The command name on the bench command line.</summary>
    public const string CommandName = "remote-transport";

    /// <summary>One line of usage help.</summary>
    public const string UsageText = "remote-transport [--clients 10] [--seconds 10] [--tls on|off]";

    /// <summary>Runs the bench with command-line arguments (after the command name) and returns the exit code.</summary>
    public string Name => CommandName;

    public string Usage => UsageText;

    Task<int> IBenchCommand.RunAsync(string[] args) => RunAsync(args);

    public static async Task<int> RunAsync(string[] args)
    {
        int clients = 10, seconds = 10;
        bool tls = true;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--clients": clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--tls": tls = args[i + 1] != "off"; break;
                default:
                    await Console.Error.WriteLineAsync($"unknown option {args[i]}\nusage: {UsageText}");
                    return 2;
            }
        }

        var secret = ClusterSecret.Generate();
        using var certificate = tls ? NodeCertificate.CreateSelfSigned("bench", DateTimeOffset.UtcNow) : null;
        static MessageRegistry Registry() => new MessageRegistry().Register("bench.Seq", typeof(long), new LongSerializer());
        RemoteTransportSettings Settings(string name) => new(name, "bench") { Port = 0, TlsEnabled = tls };
        await using var server = new RemoteTransport(Settings("server"), secret, certificate, Registry());
        await using var client = new RemoteTransport(Settings("client"), secret, certificate, Registry());
        await server.StartAsync();
        await client.StartAsync();

        var recipients = Enumerable.Range(0, clients).Select(i => $"/user/echo-{i}").ToArray();
        var replyTo = Enumerable.Range(0, clients).Select(i => $"/user/client-{i}").ToArray();
        var sentAt = new long[clients];
        var latencies = new List<double>[clients];
        for (int i = 0; i < clients; i++) latencies[i] = new List<double>(1 << 16);
        long roundTrips = 0;
        bool running = true;
        server.EnvelopeReceived += e => server.Send(e.Sender.Address, new RemoteEnvelope(e.Envelope.SenderPath!, null, "bench.Seq", e.Envelope.Payload));
        client.EnvelopeReceived += e =>
        {
            int id = (int)(long)e.Message;
            long now = Stopwatch.GetTimestamp();
            var list = latencies[id];
            if (list.Count < 1_000_000) list.Add(Stopwatch.GetElapsedTime(sentAt[id], now).TotalMicroseconds);
            Interlocked.Increment(ref roundTrips);
            if (!Volatile.Read(ref running)) return;
            sentAt[id] = Stopwatch.GetTimestamp();
            client.Send(server.LocalAddress, new RemoteEnvelope(recipients[id], replyTo[id], "bench.Seq", BitConverter.GetBytes((long)id)));
        };

        // Warm up the link, then start every client.
        client.Send(server.LocalAddress, new RemoteEnvelope("/user/warmup", "/user/none", "bench.Seq", BitConverter.GetBytes(-1L)));
        await Task.Delay(500);
        Interlocked.Exchange(ref roundTrips, 0);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < clients; i++)
        {
            sentAt[i] = Stopwatch.GetTimestamp();
            client.Send(server.LocalAddress, new RemoteEnvelope(recipients[i], replyTo[i], "bench.Seq", BitConverter.GetBytes((long)i)));
        }
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref running, false);
        long done = Interlocked.Read(ref roundTrips);
        double elapsed = clock.Elapsed.TotalSeconds;
        await Task.Delay(200);

        var all = latencies.SelectMany(l => l.ToArray()).Order().ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"remote-transport tls={(tls ? "on" : "off")} clients={clients} seconds={elapsed:F1}: " +
            $"{done / elapsed:F0} round trips/s, {2 * done / elapsed:F0} msgs/s, rtt p50={P(0.5):F0} us p99={P(0.99):F0} us"));
        return 0;
    }

    /// <summary>An 8-byte binary serializer so the bench measures the transport, not JSON.</summary>
    private sealed class LongSerializer : ISerializer
    {
        public byte[] Serialize(object message) => BitConverter.GetBytes((long)message);

        public object Deserialize(ReadOnlySpan<byte> payload) =>
            payload.Length == 8 ? BitConverter.ToInt64(payload) : throw new FormatException("expected 8 bytes");
    }
}
