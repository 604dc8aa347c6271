using System.Diagnostics;
using System.Globalization;
using IotActors.Actors;
using IotActors.Remote;
using IotActors.Remote.Security;

namespace IotActors.Bench.Remote;

/// <summary><c>remote-pingpong --clients 10 --seconds 10 [--window 100] [--tls off]</c>: client actors here ping echo actors in a second process.</summary>
internal sealed class RemotePingPongCommand : IBenchCommand
{
    public string Name => "remote-pingpong";

    public string Usage => "--clients N --seconds N [--window N] [--tls on|off]  two processes on loopback; msgs/s counts pings and pongs";

    public async Task<int> RunAsync(string[] args)
    {
        int clients = CommandArgs.Int(args, "--clients", 10);
        int seconds = CommandArgs.Int(args, "--seconds", 10);
        int window = CommandArgs.Int(args, "--window", 100);
        int tlsAt = Array.IndexOf(args, "--tls");
        bool tls = tlsAt < 0 || tlsAt + 1 >= args.Length || args[tlsAt + 1] != "off";
        if (args.Contains("--serve")) return await RemotePingPongEcho.ServeAsync(clients, tls);

        var secret = ClusterSecret.Generate();
        using var echoProcess = RemotePingPongEcho.Launch(clients, tls, secret);
        try
        {
            int port = await RemotePingPongEcho.ReadPortAsync(echoProcess);
            await using var system = ActorSystem.Create("client");
            await Remoting.StartAsync(system, RemotePingPongEcho.Setup("client", tls, secret));
            string echoAddress = $"iot://echo@127.0.0.1:{port}";

            var (roundTrips, elapsed) = await MeasureThroughputAsync(system, echoAddress, clients, window, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"remote-pingpong tls={(tls ? "on" : "off")} clients={clients} window={window} seconds={elapsed:F1}: {roundTrips / elapsed:F0} round trips/s"));
            var (p50, p99, asks) = await MeasureAskAsync(system, echoAddress, TimeSpan.FromSeconds(Math.Min(3, seconds)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"remote-pingpong ask (1 client, sequential, {asks} asks): p50={p50:F0} us p99={p99:F0} us"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"remote-pingpong: {2 * roundTrips / elapsed:F0} msgs/s"));
            return 0;
        }
        finally
        {
            echoProcess.StandardInput.Close();
            if (!echoProcess.WaitForExit(5000)) echoProcess.Kill();
        }
    }

    private static async Task<(long RoundTrips, double Seconds)> MeasureThroughputAsync(
        ActorSystem system, string echoAddress, int clients, int window, int seconds)
    {
        var counts = new long[clients];
        var state = new RemotePingPongState();
        var refs = new IActorRef[clients];
        for (int i = 0; i < clients; i++)
        {
            var echo = await system.ActorSelection($"{echoAddress}/user/echo-{i}").ResolveOne(TimeSpan.FromSeconds(10));
            int index = i;
            refs[i] = system.ActorOf(Props.Create(() => new BenchClientActor(echo, window, counts, index, state)), $"client-{i}");
        }
        foreach (var r in refs) r.Tell("start", null);
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(2, seconds / 3.0))); // warm-up
        long before = Sum(counts);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        long done = Sum(counts) - before;
        double elapsed = clock.Elapsed.TotalSeconds;
        state.Stop();
        await Task.Delay(300);
        return (done, elapsed);
    }

    private static async Task<(double P50, double P99, int Count)> MeasureAskAsync(ActorSystem system, string echoAddress, TimeSpan duration)
    {
        var echo = system.ResolveActorRef($"{echoAddress}/user/echo-0");
        for (int i = 0; i < 2000; i++) await echo.Ask<BenchPing>(new BenchPing(i), TimeSpan.FromSeconds(5));
        var samples = new List<double>(1 << 16);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            long start = Stopwatch.GetTimestamp();
            await echo.Ask<BenchPing>(new BenchPing(samples.Count), TimeSpan.FromSeconds(5));
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)(samples.Count * 0.99))], samples.Count);
    }

    private static long Sum(long[] counts)
    {
        long sum = 0;
        for (int i = 0; i < counts.Length; i++) sum += Volatile.Read(ref counts[i]);
        return sum;
    }
}
