using BenchmarkDotNet.Attributes;
using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary>Ask round trips (temporary ref, timer, task completion) against an echo actor.</summary>
[MemoryDiagnoser]
public class AskBenchmark
{
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("ask");
        _echo = _system.ActorOf(Props.Create<ReplyActor>());
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark]
    public Task<int> AskRoundTrip() => _echo.Ask<int>(1, TimeSpan.FromSeconds(5));
}
