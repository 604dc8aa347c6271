using BenchmarkDotNet.Attributes;
using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary>One sender telling a batch of messages to one actor until all were processed.</summary>
[MemoryDiagnoser]
public class TellBenchmark
{
    private const int Batch = 100_000;
    private static readonly object Msg = new();
    private ActorSystem _system = null!;
    private IActorRef _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("tell");
        _target = _system.ActorOf(Props.Create<CountdownActor>());
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task Tell()
    {
        CountdownActor.Expected = Batch;
        CountdownActor.Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _target.Tell("reset", null);
        for (var i = 0; i < Batch; i++) { _target.Tell(Msg, null); }
        await CountdownActor.Done.Task;
    }
}
