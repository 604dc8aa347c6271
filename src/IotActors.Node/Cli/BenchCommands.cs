using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using IotActors.Node.Tools;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors bench rtt|echo</c>: round-trip time measurement against an echo server.</summary>
internal static class BenchCommands
{
    public static Command Build(TextWriter output)
    {
        var bench = new Command("bench", "Network benchmarks.") { BuildRtt(output), BuildEcho(output) };
        return bench;
    }

    private static Command BuildRtt(TextWriter output)
    {
        var udp = new Option<string?>("--udp") { Description = "Echo server HOST:PORT reached over UDP." };
        var tcp = new Option<string?>("--tcp") { Description = "Echo server HOST:PORT reached over TCP." };
        var count = new Option<int>("--count", "-n") { Description = "Round trips.", DefaultValueFactory = _ => 1000 };
        var size = new Option<int>("--size", "-s") { Description = "Probe size in bytes (UDP at least 8).", DefaultValueFactory = _ => 100 };
        var timeout = new Option<int>("--timeout") { Description = "Milliseconds to wait for each echo before counting it lost.", DefaultValueFactory = _ => 1000 };
        var rtt = new Command("rtt", "Measure min/max/mean/std round-trip time (and loss for UDP) against 'iotactors bench echo'.") { udp, tcp, count, size, timeout };
        rtt.SetAction(async (result, cancellation) =>
        {
            string? udpTarget = result.GetValue(udp), tcpTarget = result.GetValue(tcp);
            if ((udpTarget is null) == (tcpTarget is null)) throw new CliUsageException("give exactly one of --udp HOST:PORT or --tcp HOST:PORT");
            int n = result.GetValue(count), bytes = result.GetValue(size), waitMs = result.GetValue(timeout);
            if (n is < 1 or > 10_000_000) throw new CliUsageException("--count must be 1 to 10000000");
            if (bytes is < 1 or > 65000) throw new CliUsageException("--size must be 1 to 65000 bytes");
            if (waitMs is < 1 or > 60_000) throw new CliUsageException("--timeout must be 1 to 60000 milliseconds");
            IPEndPoint server = await ResolveAsync(udpTarget ?? tcpTarget!, cancellation).ConfigureAwait(false);
            TimeSpan wait = TimeSpan.FromMilliseconds(waitMs);
            RttStats stats;
            try
            {
                stats = udpTarget is not null
                    ? await RttBench.RunUdpAsync(server, n, bytes, wait, cancellation).ConfigureAwait(false)
                    : await RttBench.RunTcpAsync(server, n, bytes, wait, cancellation).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new CliUsageException($"cannot reach the echo server at {server}: {ex.SocketErrorCode}");
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new CliUsageException($"the echo server at {server} did not answer within {waitMs} ms");
            }
            output.WriteLine($"{(udpTarget is not null ? "udp" : "tcp")} {server} size {bytes} B: {stats.Format()}");
            return 0;
        });
        return rtt;
    }

    private static Command BuildEcho(TextWriter output)
    {
        var udp = new Option<bool>("--udp") { Description = "Echo UDP datagrams." };
        var tcp = new Option<bool>("--tcp") { Description = "Echo TCP bytes." };
        var port = new Option<int>("--port", "-p") { Description = "Port to listen on (0: any free port).", Required = true };
        var bind = new Option<string>("--bind") { Description = "Address to listen on.", DefaultValueFactory = _ => "0.0.0.0" };
        var echo = new Command("echo", "Run an echo server for 'iotactors bench rtt' until Ctrl+C.") { udp, tcp, port, bind };
        echo.SetAction(async (result, cancellation) =>
        {
            bool isUdp = result.GetValue(udp);
            if (isUdp == result.GetValue(tcp)) throw new CliUsageException("give exactly one of --udp or --tcp");
            if (!IPAddress.TryParse(result.GetRequiredValue(bind), out IPAddress? address)) throw new CliUsageException("--bind must be an IP address");
            int p = result.GetValue(port);
            if (p is < 0 or > 65535) throw new CliUsageException("--port must be 0 to 65535");
            EchoServer server;
            try
            {
                server = EchoServer.Start(new IPEndPoint(address, p), isUdp);
            }
            catch (SocketException ex)
            {
                throw new CliUsageException($"cannot listen on {address}:{p}: {ex.SocketErrorCode}");
            }
            await using (server.ConfigureAwait(false))
            {
                output.WriteLine($"echoing {(isUdp ? "udp" : "tcp")} on {server.LocalEndPoint}; Ctrl+C stops");
                await output.FlushAsync(cancellation).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop cleanly.
                }
            }
            return 0;
        });
        return echo;
    }

    private static async Task<IPEndPoint> ResolveAsync(string target, CancellationToken cancellation)
    {
        int colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), out int port) || port is < 1 or > 65535)
        {
            throw new CliUsageException($"'{target}' is not HOST:PORT, e.g. 127.0.0.1:9000");
        }
        string host = target[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? address)) return new IPEndPoint(address, port);
        try
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, cancellation).ConfigureAwait(false);
            return new IPEndPoint(addresses.First(a => a.AddressFamily == AddressFamily.InterNetwork || a.AddressFamily == AddressFamily.InterNetworkV6), port);
        }
        catch (Exception ex) when (ex is SocketException or InvalidOperationException)
        {
            throw new CliUsageException($"cannot resolve '{host}'");
        }
    }
}
