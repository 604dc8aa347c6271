using IotActors.Actors;

namespace IotActors.Bench.Remote;

/// <summary>Replies to every ping with the same message.</summary>
internal sealed class BenchEchoActor : ReceiveActor
{
    public BenchEchoActor() => Receive<BenchPing>(p => Sender.Tell(p, Self));
}

/// <summary>Keeps a window of pings in flight to one echo actor and counts the pongs.</summary>
internal sealed class BenchClientActor : ReceiveActor
{
    public BenchClientActor(IActorRef echo, int window, long[] counts, int index, RemotePingPongState state)
    {
        Receive<BenchPing>(p =>
        {
            counts[index]++;
            if (state.Running) echo.Tell(p, Self);
        });
        Receive<string>(s => s == "start", _ =>
        {
            for (int i = 0; i < window; i++) echo.Tell(new BenchPing(i), Self);
        });
    }
}

/// <summary>Shared stop flag of one run.</summary>
internal sealed class RemotePingPongState
{
    private volatile bool _running = true;

    public bool Running => _running;

    public void Stop() => _running = false;
}
