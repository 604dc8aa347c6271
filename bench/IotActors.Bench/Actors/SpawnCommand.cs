using System.Diagnostics;
using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary><c>spawn --actors 1100000</c>: actor creation rate and bytes per idle actor.</summary>
internal sealed class SpawnCommand : IBenchCommand
{
    public string Name => "spawn";

    public string Usage => "--actors N  actors/s and bytes per idle actor (GC.GetTotalMemory)";

    internal static long Started;

    internal sealed class Idle : UntypedActor
    {
        protected override void PreStart() => Interlocked.Increment(ref Started);
        protected override void OnReceive(object message) { }
    }

    public async Task<int> RunAsync(string[] args)
    {
        var n = CommandArgs.Int(args, "--actors", 1_100_000);
        var system = ActorSystem.Create("spawn");
        var props = Props.Create<Idle>();
        Started = 0;
        var before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) { system.ActorOf(props); }
        var created = sw.Elapsed;
        while (Interlocked.Read(ref Started) < n) { await Task.Yield(); }
        var elapsed = sw.Elapsed;
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"actors={n} seconds={elapsed.TotalSeconds:0.000} (ActorOf loop {created.TotalSeconds:0.000} s)");
        Console.WriteLine($"gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} pause={GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
        Console.WriteLine($"bytes per idle actor: {(after - before) / (double)n:0}");
        Console.WriteLine($"spawn: {n / elapsed.TotalSeconds:0} actors/s");
        GC.KeepAlive(system);
        await system.Terminate();
        return 0;
    }
}
