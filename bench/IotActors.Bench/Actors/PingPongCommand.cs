using System.Diagnostics;
using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary><c>pingpong --pairs 2 --inflight 1000 --seconds 5</c>: message throughput between client/echo pairs.</summary>
internal sealed class PingPongCommand : IBenchCommand
{
    public string Name => "pingpong";

    public string Usage => "--pairs N --inflight N --seconds N [--throughput N]  msgs/s (both directions counted)";

    public async Task<int> RunAsync(string[] args)
    {
        var pairs = CommandArgs.Int(args, "--pairs", 2);
        var inflight = CommandArgs.Int(args, "--inflight", 1000);
        var seconds = CommandArgs.Int(args, "--seconds", 5);
        var throughput = CommandArgs.Int(args, "--throughput", 30);
        var system = ActorSystem.Create("bench", ActorSystemSettings.Default.WithThroughput(throughput));
        var stop = new PingPong.StopFlag();
        PingPong.Client.Instances.Clear();
        var clients = new List<IActorRef>();
        for (var p = 0; p < pairs; p++)
        {
            var dest = system.ActorOf(Props.Create<PingPong.Destination>());
            clients.Add(system.ActorOf(Props.Create(() => new PingPong.Client(dest, stop))));
        }
        while (true) { lock (PingPong.Client.Instances) { if (PingPong.Client.Instances.Count == pairs) { break; } } await Task.Delay(10); }
        foreach (var c in clients) { c.Tell(new PingPong.Start(inflight), null); }
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(1, seconds)));
        long Total() { lock (PingPong.Client.Instances) { return PingPong.Client.Instances.Sum(c => c.Received); } }
        var start = Total();
        var sw = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var end = Total();
        var elapsed = sw.Elapsed;
        stop.Value = true;
        await system.Terminate();
        var messages = (end - start) * 2;
        var perSecond = messages / elapsed.TotalSeconds;
        Console.WriteLine($"pairs={pairs} inflight={inflight} throughput={throughput} seconds={elapsed.TotalSeconds:0.00} messages={messages}");
        Console.WriteLine($"ns/msg: {elapsed.TotalMilliseconds * 1_000_000 / Math.Max(1, messages):0.0}");
        Console.WriteLine($"pingpong: {perSecond:0} msgs/s");
        return 0;
    }
}
