using BenchmarkDotNet.Attributes;
using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary>Ping-pong between a client and an echo actor with a configurable number of messages in flight.</summary>
[MemoryDiagnoser]
public class PingPongBenchmark
{
    private const int RoundTrips = 100_000;
    private ActorSystem _system = null!;
    private IActorRef _client = null!;

    [Params(1, 100)]
    public int InFlight { get; set; }

    private sealed record Run(int InFlight, int RoundTrips, TaskCompletionSource Done);

    private sealed class Client(IActorRef echo) : UntypedActor
    {
        private Run? _run;
        private int _received;
        private int _sent;

        protected override void OnReceive(object message)
        {
            if (message is Run run)
            {
                _run = run;
                _received = 0;
                _sent = 0;
                for (var i = 0; i < run.InFlight; i++) { _sent++; echo.Tell(Actors.PingPong.Message.Instance, Self); }
                return;
            }
            _received++;
            if (_sent < _run!.RoundTrips) { _sent++; echo.Tell(message, Self); }
            else if (_received == _run.RoundTrips) { _run.Done.TrySetResult(); }
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("pingpongbench");
        var echo = _system.ActorOf(Props.Create<ReplyActor>());
        _client = _system.ActorOf(Props.Create(() => new Client(echo)));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = RoundTrips * 2)]
    public Task PingPong()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _client.Tell(new Run(InFlight, RoundTrips, done), null);
        return done.Task;
    }
}
