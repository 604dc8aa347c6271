using BenchmarkDotNet.Attributes;
using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary>Spawning actors and waiting until all ran PreStart, then stopping them.</summary>
[MemoryDiagnoser]
public class SpawnBenchmark
{
    private const int Count = 10_000;
    private ActorSystem _system = null!;
    private readonly Props _props = Props.Create<StartedActor>();

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("spawnbench");

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Count)]
    public async Task Spawn()
    {
        StartedActor.Started = 0;
        var refs = new IActorRef[Count];
        for (var i = 0; i < Count; i++) { refs[i] = _system.ActorOf(_props); }
        while (Volatile.Read(ref StartedActor.Started) < Count) { await Task.Yield(); }
        foreach (var r in refs) { _system.Stop(r); }
    }
}
