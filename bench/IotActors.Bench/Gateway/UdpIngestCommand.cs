using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IotActors.Bench.Gateway;

/// <summary><c>gateway-udp --seconds 5 --senders 2 --devices 10</c>: unsigned JSON datagrams into a real node's UDP gateway on loopback.</summary>
internal sealed class UdpIngestCommand : IBenchCommand
{
    public string Name => "gateway-udp";

    public string Usage => "--seconds N --senders N --devices N [--node PATH]  datagrams/s accepted by a node's UDP gateway (loopback)";

    public async Task<int> RunAsync(string[] args)
    {
        int seconds = CommandArgs.Int(args, "--seconds", 5), senders = CommandArgs.Int(args, "--senders", 2), devices = CommandArgs.Int(args, "--devices", 10);
        await using var node = await BenchNodeProcess.StartAsync(BenchNodeProcess.ResolveBinary(args), "hocon/reference.conf");
        using var http = new HttpClient();
        var target = new IPEndPoint(IPAddress.Loopback, node.UdpPort);
        var payloads = Enumerable.Range(0, devices)
            .Select(d => Encoding.UTF8.GetBytes($"{{\"type\":\"temperature\",\"device\":\"sim-{d}\",\"value\":21.5,\"unit\":\"C\"}}")).ToArray();
        var stop = new CancellationTokenSource();
        long sent = 0;
        async Task SendLoop(int index)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var i = index;
            while (!stop.IsCancellationRequested)
            {
                await socket.SendToAsync(payloads[i++ % payloads.Length], SocketFlags.None, target);
                Interlocked.Increment(ref sent);
                if ((i & 63) == 0) { await Task.Yield(); }
            }
        }

        var loops = Enumerable.Range(0, senders).Select(i => Task.Run(() => SendLoop(i))).ToArray();
        await Task.Delay(1000); // warm-up
        var before = await node.ReadMetricAsync(http, "iotactors_gateway_readings_total");
        var sentBefore = Interlocked.Read(ref sent);
        var sw = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var sentAfter = Interlocked.Read(ref sent);
        var elapsed = sw.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        await Task.Delay(300);
        var after = await node.ReadMetricAsync(http, "iotactors_gateway_readings_total");
        var rss = ProcStat.RssBytes(node.Pid);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"senders={senders} devices={devices} seconds={elapsed:F1} sent={sentAfter - sentBefore} accepted={after - before}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent: {(sentAfter - sentBefore) / elapsed:F0} datagrams/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"node rss: {rss / 1048576.0:F1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway-udp: {(after - before) / elapsed:F0} datagrams/s"));
        return 0;
    }
}
